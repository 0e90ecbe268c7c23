#!/usr/bin/env bash
# Times `vouch evidence` verifying the SSH signatures of a history of 10,000 signed commits
# against `git log --show-signature` verifying the same history with the same allowed signers,
# in the same run, alternately (so both see the same load).
#
#   bench/signatures.sh [COMMITS] [RUNS]
#   VOUCH=path/to/vouch bench/signatures.sh …   (time an existing binary instead of building one)
#
# Generates the history with git fast-import (bench/generate-history.py), adds the allowed
# signers and a vouch.yml naming them, then has every commit signed with an Ed25519 key made by
# ssh-keygen (bench/sign-history.py: one `ssh-keygen -Y sign` per commit, as `git commit -S`
# runs it). Prints the median wall time, CPU time and peak memory of each, and checks that both
# found every signature good.
set -euo pipefail

COMMITS=${1:-10000}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$HERE/common.sh"

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v ssh-keygen >/dev/null || { echo "needs ssh-keygen (apt-get install openssh-client)" >&2; exit 2; }

if [ -z "${VOUCH:-}" ]; then
    echo "Building the release binary…" >&2
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --product vouch >/dev/null)
    VOUCH="$ROOT/.build/release/vouch"
fi

echo "Generating $COMMITS commits…" >&2
REPO="$WORK/repo"
generate_history "$REPO" "$((COMMITS - 1))"
git -C "$REPO" symbolic-ref HEAD refs/heads/main
ssh-keygen -q -t ed25519 -N "" -C bench -f "$WORK/key"
mkdir -p "$REPO/.vouch"
echo "dev*@example.com,bench@example.com $(cut -d' ' -f1,2 "$WORK/key.pub")" > "$REPO/.vouch/allowed_signers"
printf '  allowed_signers: .vouch/allowed_signers\n  require_signed: true\n' >> "$REPO/vouch.yml"
git -C "$REPO" add -A
GIT_AUTHOR_NAME="Developer 1" GIT_AUTHOR_EMAIL=dev1@example.com GIT_COMMITTER_NAME="Developer 1" GIT_COMMITTER_EMAIL=dev1@example.com \
    GIT_AUTHOR_DATE=2029-01-01T00:00:00Z GIT_COMMITTER_DATE=2029-01-01T00:00:00Z \
    git -C "$REPO" -c commit.gpgsign=false commit -q -m "Trust the signing key" -m "Reviewed-by: Developer 2 <dev2@example.com>"
git -C "$REPO" update-ref -d refs/notes/vouch || true
echo "Signing every commit…" >&2
start=$(date +%s)
signed=$(python3 "$HERE/sign-history.py" "$REPO" main "$WORK/key")
echo "Signed $signed commits in $(( $(date +%s) - start )) s" >&2
git -C "$REPO" repack -adq
git -C "$REPO" reset -q --hard main
cp "$REPO/.vouch/allowed_signers" "$WORK/allowed_signers"

cd "$REPO"
"$VOUCH" evidence --format json > "$WORK/evidence.json" || true
read -r population good < <(python3 -c '
import json, sys
report = json.load(open(sys.argv[1]))
changes = report["changes"]
print(len(changes), sum(1 for c in changes if (c["signature"] or {}).get("status") == "good"))' "$WORK/evidence.json")
git_good=$(git -c gpg.ssh.allowedSignersFile="$WORK/allowed_signers" log --first-parent --format=%G? main | grep -c '^G' || true)
echo "Population: $population first-parent changes; good signatures: vouch $good, git $git_good" >&2

result=$(pair "$VOUCH" evidence --format json -- git -c gpg.ssh.allowedSignersFile="$WORK/allowed_signers" log --first-parent --show-signature main)
read -r vw vc vm gw gc gm ratio <<< "$result"
printf 'signed commits %s, population %s (good: vouch %s, git %s)\n' "$signed" "$population" "$good" "$git_good"
printf 'vouch evidence %6.2fs (cpu %6.2fs, %4d MB)   git log --show-signature %6.2fs (cpu %6.2fs, %4d MB)   git/vouch %.1fx (median of pairs)\n' \
    "$vw" "$vc" $((vm / 1024)) "$gw" "$gc" $((gm / 1024)) "$(echo "1 / $ratio" | bc -l)"
echo "machine: $(machine_description)"

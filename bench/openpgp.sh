#!/usr/bin/env bash
# Times OpenPGP verification of every commit of a signed history against `git log
# --show-signature` on the same history, in the same run.
#
#   bench/openpgp.sh [COMMITS] [RUNS]
#
# Makes an ed25519 key in a scratch GnuPG home, COMMITS commits signed with it by `git commit -S`,
# and the armored keyring (`gpg --armor --export`). Vouch's side is bench/openpgp-verify/ (its own
# package, built in release): `git cat-file --batch` reads the commits in one process and
# OpenPGPVerifier checks each signature in this process, one verifier per core. The baseline is
# `git log --show-signature`, which starts gpg for every commit. Both must find every signature
# good. Runs alternate (common.sh's pair), RUNS times each; prints the medians.
set -euo pipefail

COMMITS=${1:-2000}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-bench-pgp.XXXXXX")
export GNUPGHOME="$WORK/gnupg"
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
mkdir -m 700 "$GNUPGHOME"
source "$HERE/common.sh"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

echo "Building bench/openpgp (release)…" >&2
(cd "$HERE/openpgp-verify" && swift build -c release >/dev/null)
TOOL="$HERE/openpgp-verify/.build/release/openpgp-bench"

echo "Signing $COMMITS commits…" >&2
gpg --batch --passphrase '' --quick-gen-key 'Bench Signer <bench@example.com>' ed25519 sign never 2>/dev/null
KEY=$(gpg --with-colons --list-keys bench@example.com | awk -F: '/^fpr/ { print $10; exit }')
gpg --armor --export "$KEY" > "$WORK/keyring.asc"
REPO="$WORK/repo"
git init -q -b main "$REPO"
cd "$REPO"
git config user.name "Bench Signer"; git config user.email bench@example.com
git config user.signingkey "$KEY"; git config commit.gpgsign true
for i in $(seq "$COMMITS"); do
    GIT_COMMITTER_DATE="$((1767225600 + i * 60)) +0000" GIT_AUTHOR_DATE="$((1767225600 + i * 60)) +0000" \
        git commit -q --allow-empty -m "change $i"
done

# Vouch's side as one command, so that its CPU time includes git's reading.
printf '#!/usr/bin/env bash\nset -o pipefail\ngit rev-list main | git cat-file --batch | "%s" "%s"\n' "$TOOL" "$WORK/keyring.asc" > "$WORK/vouch-side"
chmod +x "$WORK/vouch-side"

# Both must agree before anything is timed: every commit good.
vouch_result=$("$WORK/vouch-side")
git_good=$(git log --show-signature --format=%H main 2>&1 | grep -c '^gpg: Good signature' || true)
echo "vouch: $vouch_result" >&2
echo "git log --show-signature: $git_good good signatures" >&2
[[ "$vouch_result" == "commits $COMMITS, unsigned 0, good $COMMITS;"* ]] || { echo "Vouch did not find every signature good" >&2; exit 1; }
[ "$git_good" -eq "$COMMITS" ] || { echo "git did not find every signature good" >&2; exit 1; }

read -r vw vc vm gw gc gm ratio <<< "$(pair "$WORK/vouch-side" -- git log --show-signature --format=%H main)"
printf 'commits %s, runs %s (medians; alternating)\n' "$COMMITS" "$RUNS"
printf 'vouch: cat-file + RNP, %s threads   %7.2fs wall  %7.2fs cpu  %4d MB   (%s)\n' "$(nproc)" "$vw" "$vc" $((vm / 1024)) "${vouch_result#*; }"
printf 'git log --show-signature           %7.2fs wall  %7.2fs cpu  %4d MB\n' "$gw" "$gc" $((gm / 1024))
printf 'wall ratio (median of pairs)       %7.3f   (git / vouch %.1fx)\n' "$ratio" "$(echo "1 / $ratio" | bc -l)"
echo "machine: $(machine_description)"

#!/usr/bin/env bash
# Times OpenPGP verification of every commit of a signed history against `git log
# --show-signature` on the same history, in the same run.
#
#   bench/openpgp.sh [COMMITS] [RUNS]            `vouch evidence` (default: 10,000 commits, 3 runs)
#   bench/openpgp.sh verifier [COMMITS] [RUNS]   the verifier alone (default: 2,000 commits, 5 runs)
#   VOUCH=path/to/vouch bench/openpgp.sh …      (time an existing binary instead of building one)
#
# Both make an ed25519 key in a scratch GnuPG home and its armored keyring (`gpg --armor --export`).
#
# evidence: the generated history of bench/evidence.sh (generate-history.py), the keyring
# committed at .vouch/keyring.asc and a vouch.yml naming it with `require_signed: true`, then every
# commit rewritten as one signed by `gpg -bsau KEY`, as `git commit -S` signs
# (bench/sign-history.py). Times `vouch evidence --format json` (release build) against
# `git log --first-parent --show-signature main`, which starts gpg for every commit; then the
# same history unsigned (the keyring named, `require_signed` off: evidence without verification)
# against the signed one, to show what verification adds. Both sides must find every
# first-parent change's signature good (vouch's `status`, git's %G?) before anything is timed.
#
# verifier: COMMITS commits signed by `git commit -S`; Vouch's side is bench/openpgp-verify/ (its
# own package, built in release): `git cat-file --batch` reads the commits in one process and
# OpenPGPVerifier checks each signature in this process, one verifier per core; the baseline is
# `git log --show-signature`.
#
# Runs alternate (common.sh's pair), RUNS times each; prints the medians.
set -euo pipefail

MODE=evidence
if [ "${1:-}" = verifier ] || [ "${1:-}" = evidence ]; then MODE=$1; shift; fi
if [ "$MODE" = verifier ]; then COMMITS=${1:-2000}; RUNS=${2:-5}; else COMMITS=${1:-10000}; RUNS=${2:-3}; fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-bench-pgp.XXXXXX")
export GNUPGHOME="$WORK/gnupg"
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
mkdir -m 700 "$GNUPGHOME"
source "$HERE/common.sh"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v gpg >/dev/null || { echo "needs gpg (apt-get install gnupg)" >&2; exit 2; }

gpg --batch --passphrase '' --quick-gen-key 'Bench Signer <bench@example.com>' ed25519 sign never 2>/dev/null
KEY=$(gpg --with-colons --list-keys bench@example.com | awk -F: '/^fpr/ { print $10; exit }')
gpg --armor --export "$KEY" > "$WORK/keyring.asc"

if [ "$MODE" = evidence ]; then
    if [ -z "${VOUCH:-}" ]; then
        echo "Building the release binary…" >&2
        (cd "$ROOT" && swift build -c release --static-swift-stdlib --product vouch >/dev/null)
        VOUCH="$ROOT/.build/release/vouch"
    fi
    echo "Generating $COMMITS commits…" >&2
    REPO="$WORK/repo" UNSIGNED="$WORK/unsigned"
    generate_history "$REPO" "$((COMMITS - 1))"
    git -C "$REPO" symbolic-ref HEAD refs/heads/main
    git -C "$REPO" update-ref -d refs/notes/vouch || true
    cp -a "$REPO" "$UNSIGNED"
    # The tip of each: the keyring committed, a vouch.yml naming it; only the signed one requires signatures.
    for repo in "$REPO" "$UNSIGNED"; do
        mkdir -p "$repo/.vouch"
        cp "$WORK/keyring.asc" "$repo/.vouch/keyring.asc"
        printf '  keyring: .vouch/keyring.asc\n' >> "$repo/vouch.yml"
        [ "$repo" = "$REPO" ] && printf '  require_signed: true\n' >> "$repo/vouch.yml"
        git -C "$repo" add -A
        GIT_AUTHOR_NAME="Developer 1" GIT_AUTHOR_EMAIL=dev1@example.com GIT_COMMITTER_NAME="Developer 1" GIT_COMMITTER_EMAIL=dev1@example.com \
            GIT_AUTHOR_DATE=2029-01-01T00:00:00Z GIT_COMMITTER_DATE=2029-01-01T00:00:00Z \
            git -C "$repo" -c commit.gpgsign=false commit -q -m "Trust the signing key" -m "Reviewed-by: Developer 2 <dev2@example.com>"
    done
    echo "Signing every commit…" >&2
    start=$(date +%s)
    signed=$(python3 "$HERE/sign-history.py" "$REPO" main openpgp "$KEY")
    echo "Signed $signed commits in $(( $(date +%s) - start )) s" >&2
    for repo in "$REPO" "$UNSIGNED"; do git -C "$repo" repack -adq; git -C "$repo" reset -q --hard main; done

    # Both must agree before anything is timed: every first-parent change good, and none signed unsigned.
    summary() { python3 -c '
import json, sys
changes = json.load(open(sys.argv[1]))["changes"]
statuses = [(c["signature"] or {}).get("status", "none") for c in changes]
print(len(changes), statuses.count("good"), statuses.count("none"))' "$1"; }
    (cd "$REPO" && "$VOUCH" evidence --format json > "$WORK/evidence.json") || true
    (cd "$UNSIGNED" && "$VOUCH" evidence --format json > "$WORK/unsigned.json") || true
    read -r population good _ < <(summary "$WORK/evidence.json")
    read -r unsigned_population _ unsigned_none < <(summary "$WORK/unsigned.json")
    cd "$REPO"
    first_parent=$(git rev-list --first-parent --count main)
    git_good=$(git log --first-parent --format=%G? main | grep -c '^G' || true)
    echo "First-parent changes $first_parent; vouch: $population in the population, $good good; git: $git_good good (%G? = G); unsigned copy: $unsigned_none of $unsigned_population unsigned" >&2
    [ "$population" -eq "$first_parent" ] && [ "$good" -eq "$population" ] || { echo "Vouch did not find every signature good" >&2; exit 1; }
    [ "$git_good" -eq "$first_parent" ] || { echo "git did not find every signature good" >&2; exit 1; }
    [ "$unsigned_none" -eq "$unsigned_population" ] && [ "$unsigned_population" -eq "$population" ] || { echo "the unsigned copy is not the same population unsigned" >&2; exit 1; }

    read -r vw vc vm gw gc gm ratio <<< "$(pair "$VOUCH" evidence --format json -- git log --first-parent --show-signature main)"
    read -r sw sc sm uw uc um added <<< "$(pair "$VOUCH" evidence --format json -- sh -c 'cd "$1" && shift && exec "$@"' - "$UNSIGNED" "$VOUCH" evidence --format json)"
    printf 'signed commits %s, population %s first-parent changes (good: vouch %s, git %s), runs %s (medians; alternating)\n' "$signed" "$population" "$good" "$git_good" "$RUNS"
    printf 'vouch evidence, verifying            %7.2fs wall  %7.2fs cpu  %4d MB\n' "$vw" "$vc" $((vm / 1024))
    printf 'git log --first-parent --show-signature %7.2fs wall  %7.2fs cpu  %4d MB   git/vouch %.1fx (median of pairs)\n' "$gw" "$gc" $((gm / 1024)) "$(echo "1 / $ratio" | bc -l)"
    printf 'vouch evidence, verifying (again)    %7.2fs wall  %7.2fs cpu  %4d MB\n' "$sw" "$sc" $((sm / 1024))
    printf 'vouch evidence, same history unsigned %7.2fs wall  %7.2fs cpu  %4d MB   signed/unsigned %.2fx (median of pairs)\n' "$uw" "$uc" $((um / 1024)) "$added"
    echo "machine: $(machine_description)"
    exit 0
fi

echo "Building bench/openpgp (release)…" >&2
(cd "$HERE/openpgp-verify" && swift build -c release >/dev/null)
TOOL="$HERE/openpgp-verify/.build/release/openpgp-bench"

echo "Signing $COMMITS commits…" >&2
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

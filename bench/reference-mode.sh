#!/usr/bin/env bash
# Proves that the parallel evidence walk prints the reference walk's bytes: `vouch evidence
# --jobs 1` (everything on one thread) against the default parallel walk, compared with cmp,
# in text and JSON, with and without --list-paths, over the whole repository and a path scope.
#
#   bench/reference-mode.sh [COMMITS] [REAL_GIT_DIR [BRANCH]]
#   VOUCH=path/to/vouch BASE=path/to/other/vouch bench/reference-mode.sh …
#
# COMMITS (default 100,000) is the size of the history generated with bench/generate-history.py.
# REAL_GIT_DIR, when given, is a real history read too (a bare repository will do: the program
# lives in a temporary folder, passed with --root). BASE, when set, is a second binary (say, the
# previous release) whose default output must equal the same bytes. Exit status 0 when every
# comparison holds.
set -euo pipefail

COMMITS=${1:-100000}
REAL=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-reference.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$HERE/common.sh"

if [ -z "${VOUCH:-}" ]; then
    echo "Building the release binary…" >&2
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --product vouch >/dev/null)
    VOUCH="$ROOT/.build/release/vouch"
fi

failures=0
# compare LABEL ARGS...: the reference walk, the parallel walk (and BASE's), byte for byte.
compare() {
    local label=$1; shift
    local status=0 reference_status=0
    "$VOUCH" evidence --jobs 1 "$@" --output "$WORK/reference" || reference_status=$?
    "$VOUCH" evidence "$@" --output "$WORK/parallel" || status=$?
    local verdict="same bytes"
    if ! cmp -s "$WORK/reference" "$WORK/parallel" || [ "$status" != "$reference_status" ]; then
        verdict="DIFFERENT"; failures=$((failures + 1))
    fi
    local base=""
    if [ -n "${BASE:-}" ]; then
        "$BASE" evidence "$@" --output "$WORK/base" || true
        if cmp -s "$WORK/reference" "$WORK/base"; then base="; base binary: same bytes"; else base="; base binary: DIFFERENT"; failures=$((failures + 1)); fi
    fi
    printf '%-44s %10d bytes, exit %d: --jobs 1 vs parallel %s%s\n' "$label" "$(wc -c < "$WORK/reference")" "$reference_status" "$verdict" "$base"
}

# every_case PREFIX ARGS...: the four invocations of one history and scope.
every_case() {
    local prefix=$1; shift
    compare "$prefix, text" "$@"
    compare "$prefix, text, --list-paths" "$@" --list-paths
    compare "$prefix, json" "$@" --format json
    compare "$prefix, json, --list-paths" "$@" --format json --list-paths
}

echo "Generating $COMMITS commits…" >&2
REPO="$WORK/repo"
generate_history "$REPO" "$COMMITS"
cd "$REPO"
every_case "generated, whole repository"
sed -i 's|  paths: \["\*\*"\]|  paths: ["src/mod1/**", "docs/**"]|' vouch.yml
every_case "generated, scoped (src/mod1, docs)"

if [ -n "$REAL" ]; then
    BRANCH=${3:-$(git --git-dir "$REAL" symbolic-ref --short HEAD)}
    write_history_program "$WORK/program" "Reference check" "$BRANCH"
    every_case "$(basename "$REAL" .git), whole repository" --root "$WORK/program" --repository "$REAL" --branch "$BRANCH"
fi

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $VOUCH${BASE:+ and $BASE}"
[ "$failures" -eq 0 ] || { echo "$failures comparisons differ" >&2; exit 1; }

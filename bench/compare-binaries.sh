#!/usr/bin/env bash
# Times two builds of Vouch against each other on the same generated history, in alternating
# pairs (A B A B …), so that a change to the evidence walk (an allocator, a hand-off between
# threads) is judged by the ratio of runs that saw the same load.
#
#   bench/compare-binaries.sh A B [COMMITS] [RUNS]
#
# A and B are two `vouch` binaries, say the current build and one built without the change in
# question. Cases: `vouch evidence --format json` over the whole repository, with every path
# listed, and with a path scope, on COMMITS (default 100,000) commits from
# bench/generate-history.py; RUNS (default 9) pairs each. Prints the medians and the median of
# the per-pair ratios A/B (below 1: A is faster). Both outputs are compared byte for byte first.
set -euo pipefail

A=${1:?usage: compare-binaries.sh A B [COMMITS] [RUNS]}
B=${2:?usage: compare-binaries.sh A B [COMMITS] [RUNS]}
COMMITS=${3:-100000}
RUNS=${4:-9}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$HERE/common.sh"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

echo "Generating $COMMITS commits…" >&2
REPO="$WORK/repo"
generate_history "$REPO" "$COMMITS"
cd "$REPO"

"$A" evidence --format json --output "$WORK/a.json" || true
"$B" evidence --format json --output "$WORK/b.json" || true
cmp -s "$WORK/a.json" "$WORK/b.json" || { echo "A and B print different populations" >&2; exit 1; }

row() { # LABEL "wall cpu rss base-wall base-cpu base-rss ratio" (from pair)
    read -r aw ac am bw bc bm ratio <<< "$2"
    printf '%-24s A %6.2fs (cpu %6.2fs, %4d MB)   B %6.2fs (cpu %6.2fs, %4d MB)   A/B wall %.3f (median of pairs)\n' \
        "$1" "$aw" "$ac" $((am / 1024)) "$bw" "$bc" $((bm / 1024)) "$ratio"
}

whole=$(pair "$A" evidence --format json -- "$B" evidence --format json)
listed=$(pair "$A" evidence --format json --list-paths -- "$B" evidence --format json --list-paths)
sed -i 's|  paths: \["\*\*"\]|  paths: ["src/mod1/**", "docs/**"]|' vouch.yml
scoped=$(pair "$A" evidence --format json -- "$B" evidence --format json)

echo
echo "Machine: $(machine_description); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $A"
echo "B: $B"
echo "History: $COMMITS commits; $RUNS alternating pairs per case"
row "whole repository" "$whole"
row "every path listed" "$listed"
row "scoped (src/mod1, docs)" "$scoped"

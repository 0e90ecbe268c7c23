#!/usr/bin/env bash
# Times `vouch evidence --format json` against `git log --first-parent` on a generated
# history of 100,000 commits, with and without a path scope, and records peak memory.
#
#   bench/evidence.sh [COMMITS] [RUNS]
#   VOUCH=path/to/vouch bench/evidence.sh …   (time an existing binary instead of building one)
#
# Builds the release binary as script/run does, generates the repository with git fast-import
# (bench/generate-history.py), repacks it as a clone would have it, then runs Vouch and its git
# baseline RUNS times each, alternately (so both see the same load on the machine), and prints
# the median wall time, the median user+system CPU time and the peak resident memory of each,
# and the median of the per-pair wall-time ratios. Output goes to a file, as a report would.
set -euo pipefail

COMMITS=${1:-100000}
RUNS=${2:-9}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$HERE/common.sh"

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

if [ -z "${VOUCH:-}" ]; then
    echo "Building the release binary…" >&2
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --product vouch >/dev/null)
    VOUCH="$ROOT/.build/release/vouch"
fi

echo "Generating $COMMITS commits…" >&2
REPO="$WORK/repo"
generate_history "$REPO" "$COMMITS"
FORMAT='%H%x00%an%x00%ae%x00%ct%x00%B'
SCOPE_GLOBS='["src/mod1/**", "docs/**"]'
SCOPE_PATHS=(src/mod1 docs)

report() { # LABEL "wall cpu rss base-wall base-cpu base-rss ratio" (from pair)
    read -r vw vc vm gw gc gm ratio <<< "$2"
    printf '%-28s vouch %6.2fs (cpu %6.2fs, %4d MB)   git %6.2fs (cpu %6.2fs, %4d MB)   ratio wall %.2fx (median of pairs) cpu %.2fx\n' \
        "$1" "$vw" "$vc" $((vm / 1024)) "$gw" "$gc" $((gm / 1024)) "$ratio" "$(echo "$vc / $gc" | bc -l)"
}

cd "$REPO"
population=$("$VOUCH" evidence --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["metadata"]["population"])' || true)
echo "Population (whole repository): $population first-parent changes" >&2

# With the whole repository in scope Vouch still compares root trees, looking for sensitive
# paths; git log does that work only when given those paths, hence the second baseline.
SENSITIVE=(.mailmap CODEOWNERS .github/CODEOWNERS .gitlab/CODEOWNERS docs/CODEOWNERS .github/workflows .github/actions
    .gitlab-ci.yml .circleci Jenkinsfile azure-pipelines.yml bitbucket-pipelines.yml .buildkite .travis.yml
    vouch.yml controls policies objectives system frameworks)
whole=$(pair "$VOUCH" evidence --format json -- git log --first-parent --format="$FORMAT" main)
whole_sensitive=$(pair "$VOUCH" evidence --format json -- git log --first-parent --format="$FORMAT" main -- "${SENSITIVE[@]}")
# The reading alone, through libgit2 on one thread (bench/read-floor.c), when a C compiler is here.
floor=""
if CC=$(command -v cc || command -v clang || command -v gcc) && \
    "$CC" -O2 "$HERE/read-floor.c" $(pkg-config --cflags --libs libgit2) -o "$WORK/read-floor" 2>/dev/null; then
    floor=$(pair "$WORK/read-floor" main -- git log --first-parent --format="$FORMAT" main)
fi
listed=$(pair "$VOUCH" evidence --format json --list-paths -- git log --first-parent --format="$FORMAT" --name-only main)

sed -i "s|  paths: \[\"\*\*\"\]|  paths: $SCOPE_GLOBS|" vouch.yml
scoped_count=$("$VOUCH" evidence --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["metadata"]["population"])' || true)
git_scoped_count=$(git log --first-parent --format=%H main -- "${SCOPE_PATHS[@]}" | wc -l)
echo "Population (scoped to ${SCOPE_PATHS[*]}): vouch $scoped_count, git log $git_scoped_count" >&2
scoped=$(pair "$VOUCH" evidence --format json -- git log --first-parent --format="$FORMAT" main -- "${SCOPE_PATHS[@]}")

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "History: $COMMITS commits, $population first-parent; $RUNS alternating pairs of runs"
report "whole repository" "$whole"
report "  vs git log -- sensitive" "$whole_sensitive"
if [ -n "$floor" ]; then
    read -r fw fc fm gw gc gm ratio <<< "$floor"
    printf '%-28s libgit2 %4.2fs on one thread (%4d MB), %.2fx git log: commits, merged tips, root trees read, nothing else\n' \
        "  reading alone" "$fw" $((fm / 1024)) "$ratio"
fi
report "whole, every path listed" "$listed"
report "scoped (src/mod1, docs)" "$scoped"

#!/usr/bin/env bash
# Times `vouch evidence --format json` against `git log --first-parent` on a generated
# history of 100,000 commits, with and without a path scope, and records peak memory.
#
#   bench/evidence.sh [COMMITS] [RUNS]
#   VOUCH=path/to/vouch bench/evidence.sh …   (time an existing binary instead of building one)
#
# Builds the release binary, generates the repository with git fast-import (bench/generate-history.py),
# repacks it as a clone would have it, then runs each command RUNS times and prints the median
# wall time, the median user+system CPU time and the peak resident memory (/usr/bin/time -v).
set -euo pipefail

COMMITS=${1:-100000}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

if [ -z "${VOUCH:-}" ]; then
    echo "Building the release binary…" >&2
    (cd "$ROOT" && swift build -c release --product vouch >/dev/null)
    VOUCH="$ROOT/.build/release/vouch"
fi

echo "Generating $COMMITS commits…" >&2
REPO="$WORK/repo"
git init -q "$REPO"
python3 "$HERE/generate-history.py" "$COMMITS" | git -C "$REPO" fast-import --quiet
git -C "$REPO" repack -adq
git -C "$REPO" reset -q --hard main
FORMAT='%H%x00%an%x00%ae%x00%ct%x00%B'
SCOPE_GLOBS='["src/mod1/**", "docs/**"]'
SCOPE_PATHS=(src/mod1 docs)

# measure NAME COMMAND...: RUNS runs; prints "median-wall median-cpu max-rss-kb".
measure() {
    local walls=() cpus=() peak=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > "$WORK/out" || true
        read -r wall user system rss < <(tail -n 1 "$WORK/time")
        walls+=("$wall")
        cpus+=("$(echo "$user + $system" | bc)")
        (( rss > peak )) && peak=$rss
    done
    local mw mc
    mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
    mc=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
    echo "$mw $mc $peak"
}

report() { # LABEL "wall cpu rss" "wall cpu rss"(baseline)
    read -r vw vc vm <<< "$2"
    read -r gw gc gm <<< "$3"
    printf '%-28s vouch %6.2fs (cpu %6.2fs, %4d MB)   git %6.2fs (cpu %6.2fs, %4d MB)   ratio wall %.2fx cpu %.2fx\n' \
        "$1" "$vw" "$vc" $((vm / 1024)) "$gw" "$gc" $((gm / 1024)) "$(echo "$vw / $gw" | bc -l)" "$(echo "$vc / $gc" | bc -l)"
}

cd "$REPO"
population=$("$VOUCH" evidence --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["metadata"]["population"])' || true)
echo "Population (whole repository): $population first-parent changes" >&2

# With the whole repository in scope Vouch still compares root trees, looking for sensitive
# paths; git log does that work only when given those paths, hence the second baseline.
SENSITIVE=(.mailmap CODEOWNERS .github/CODEOWNERS .gitlab/CODEOWNERS docs/CODEOWNERS .github/workflows .github/actions
    .gitlab-ci.yml .circleci Jenkinsfile azure-pipelines.yml bitbucket-pipelines.yml .buildkite .travis.yml
    vouch.yml controls policies objectives system frameworks)
whole_vouch=$(measure "$VOUCH" evidence --format json)
whole_git=$(measure git log --first-parent --format="$FORMAT" main)
# The reading alone, through libgit2 on one thread (bench/read-floor.c), when a C compiler is here.
floor=""
if CC=$(command -v cc || command -v clang || command -v gcc) && \
    "$CC" -O2 "$HERE/read-floor.c" $(pkg-config --cflags --libs libgit2) -o "$WORK/read-floor" 2>/dev/null; then
    floor=$(measure "$WORK/read-floor" main)
fi
sensitive_git=$(measure git log --first-parent --format="$FORMAT" main -- "${SENSITIVE[@]}")
listed_vouch=$(measure "$VOUCH" evidence --format json --list-paths)
listed_git=$(measure git log --first-parent --format="$FORMAT" --name-only main)

sed -i "s|  paths: \[\"\*\*\"\]|  paths: $SCOPE_GLOBS|" vouch.yml
scoped_count=$("$VOUCH" evidence --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["metadata"]["population"])' || true)
git_scoped_count=$(git log --first-parent --format=%H main -- "${SCOPE_PATHS[@]}" | wc -l)
echo "Population (scoped to ${SCOPE_PATHS[*]}): vouch $scoped_count, git log $git_scoped_count" >&2
scoped_vouch=$(measure "$VOUCH" evidence --format json)
scoped_git=$(measure git log --first-parent --format="$FORMAT" main -- "${SCOPE_PATHS[@]}")

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "History: $COMMITS commits, $population first-parent; median of $RUNS runs"
report "whole repository" "$whole_vouch" "$whole_git"
report "  vs git log -- sensitive" "$whole_vouch" "$sensitive_git"
if [ -n "$floor" ]; then
    read -r fw fc fm <<< "$floor"
    read -r gw gc gm <<< "$whole_git"
    printf '%-28s libgit2 %4.2fs on one thread (%4d MB), %.2fx git log: commits, merged tips, root trees read, nothing else\n' \
        "  reading alone" "$fw" $((fm / 1024)) "$(echo "$fw / $gw" | bc -l)"
fi
report "whole, every path listed" "$listed_vouch" "$listed_git"
report "scoped (src/mod1, docs)" "$scoped_vouch" "$scoped_git"

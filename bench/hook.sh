#!/usr/bin/env bash
# Times the pre-commit hook on the starter program (this repository's own program), release
# build, whole process: `vouch lint --staged` and the installed hook script, median of RUNS, with
# baselines from the same run: the process floor (`vouch --version`), git's own look at the index
# (`git diff --cached --quiet`) and `vouch lint` on the work tree. Target: hook under 50 ms median.
# Usage: bench/hook.sh [RUNS]   Prints a Markdown section for bench/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/common.sh"
RUNS=${1:-41}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build_release
# The binary to ship for hooks: Swift runtime and Foundation linked in, so the dynamic loader has
# far less to do on every commit. A scratch folder of its own keeps it apart from the usual build.
(cd "$ROOT" && swift build -c release --product vouch --static-swift-stdlib --scratch-path "$ROOT/.build-static" >/dev/null)
STATIC="$ROOT/.build-static/release/vouch"
repo="$work/repo"
mkdir -p "$repo"
cp -R "$ROOT/vouch.yml" "$ROOT/controls" "$ROOT/policies" "$ROOT/objectives" "$ROOT/system" "$repo/"
git_quiet() { git -C "$repo" -c user.name=Bench -c user.email=bench@example.com -c commit.gpgsign=false "$@" >/dev/null; }
git_quiet init -q -b main
git_quiet add -A
git_quiet commit -q -m "Starter program"
# A commit in the making: one control edited and staged, as when the hook runs.
printf '\nReviewed again.\n' >> "$repo/controls/cm-01-change-review.md"
git_quiet add controls/cm-01-change-review.md
(cd "$repo" && "$STATIC" hook install >/dev/null)

files=$(cd "$repo" && "$VOUCH" lint --staged | tail -n 1)
cd "$repo"
static_ms=$(median_ms "$RUNS" "$STATIC" lint --staged)
staged_ms=$(median_ms "$RUNS" "$VOUCH" lint --staged)
hook_ms=$(median_ms "$RUNS" "$repo/.git/hooks/pre-commit")
worktree_ms=$(median_ms "$RUNS" "$STATIC" lint)
floor_ms=$(median_ms "$RUNS" "$STATIC" --version)
git_ms=$(median_ms "$RUNS" git diff --cached --quiet)
peak=$(peak_mb "$STATIC" lint --staged)

cat <<MD

## Pre-commit hook: \`vouch lint --staged\` on the starter program ($(date -u +%F))

Machine: $(machine_description). Release builds; median of $RUNS runs after a warm-up; one control
staged; $files

| command | median |
| --- | --- |
| \`vouch lint --staged\`, \`--static-swift-stdlib\` build | ${static_ms} ms (peak ${peak} MB) |
| \`vouch lint --staged\`, default build (Swift libraries linked dynamically) | ${staged_ms} ms |
| the installed hook script (\`sh .git/hooks/pre-commit\`, static build) | ${hook_ms} ms |
| baseline: \`vouch lint\` (work tree, static build) | ${worktree_ms} ms |
| baseline: \`vouch --version\` (process start, static build) | ${floor_ms} ms |
| baseline: \`git diff --cached --quiet\` | ${git_ms} ms |
MD
if command -v hyperfine >/dev/null 2>&1; then
  echo
  echo '```'
  hyperfine -N -w 5 -r "$RUNS" "$STATIC lint --staged" 2>&1 | grep -E 'Time|Range'
  echo '```'
fi

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
for register in vendors risks people runs; do [ -d "$ROOT/$register" ] && cp -R "$ROOT/$register" "$repo/"; done
git_quiet() { git -C "$repo" -c user.name=Bench -c user.email=bench@example.com -c commit.gpgsign=false "$@" >/dev/null; }
git_quiet init -q -b main
git_quiet add -A
git_quiet commit -q -m "Starter program"
# A commit in the making: one control edited and staged, as when the hook runs.
printf '\nReviewed again.\n' >> "$repo/controls/cm-01-change-review.md"
git_quiet add controls/cm-01-change-review.md
(cd "$repo" && "$STATIC" hook install >/dev/null)

files=$(cd "$repo" && "$VOUCH" lint --staged | tail -n 1)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$repo"
static_ms=$(median_ms "$RUNS" "$STATIC" lint --staged)
staged_ms=$(median_ms "$RUNS" "$VOUCH" lint --staged)
hook_ms=$(median_ms "$RUNS" "$repo/.git/hooks/pre-commit")
worktree_ms=$(median_ms "$RUNS" "$STATIC" lint)
floor_ms=$(median_ms "$RUNS" "$STATIC" --version)
git_ms=$(median_ms "$RUNS" git diff --cached --quiet)
peak=$(peak_mb "$STATIC" lint --staged)
hyperfine_report=""
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine_report=$(hyperfine -N -w 5 -r "$RUNS" "$STATIC lint --staged" 2>&1 | grep -E 'Time|Range' || true)
fi

# The same program in a large repository: 100,000 other files staged (one blob, many paths).
blob=$(echo "source file" | git -C "$repo" hash-object -w --stdin)
python3 -c '
import sys
for i in range(100000):
    sys.stdout.write(f"100644 {sys.argv[1]}\tsrc/m{i // 1000:03}/file{i:05}.txt\n")
' "$blob" | git -C "$repo" update-index --index-info
large_ms=$(median_ms "$RUNS" "$STATIC" lint --staged)
large_git_ms=$(median_ms "$RUNS" git ls-files --stage)

cat <<MD

## Pre-commit hook: \`vouch lint --staged\` on the starter program ($(date -u +%F))

Machine: $(machine_description); load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg)
at the end (other builds share the machine when it is above ~0.5). Release builds; median of $RUNS
runs after a warm-up; one control staged; $files

| command | median |
| --- | --- |
| \`vouch lint --staged\`, \`--static-swift-stdlib\` build | ${static_ms} ms (peak ${peak} MB) |
| \`vouch lint --staged\`, default build (Swift libraries linked dynamically) | ${staged_ms} ms |
| the installed hook script (\`sh .git/hooks/pre-commit\`, static build) | ${hook_ms} ms |
| baseline: \`vouch lint\` (work tree, static build) | ${worktree_ms} ms |
| baseline: \`vouch --version\` (process start, static build) | ${floor_ms} ms |
| baseline: \`git diff --cached --quiet\` | ${git_ms} ms |
| \`vouch lint --staged\` with 100,000 other files in the index (static build) | ${large_ms} ms |
| baseline: \`git ls-files --stage\` on that index | ${large_git_ms} ms |
MD
if [ -n "$hyperfine_report" ]; then
  printf '\nhyperfine, `vouch lint --staged` (static build) on the starter program:\n\n```\n%s\n```\n' "$hyperfine_report"
fi

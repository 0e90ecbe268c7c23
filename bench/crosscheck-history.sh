#!/usr/bin/env bash
# Cross-checks `vouch evidence` against git itself on a real history:
#   - the number of first-parent changes equals `git rev-list --first-parent --count`;
#   - the Reviewed-by approvers Vouch reads from trailers equal what
#     `git log --first-parent --format='%(trailers:key=Reviewed-by)'` prints, commit by commit.
#
#   bench/crosscheck-history.sh REPO_GIT_DIR [BRANCH]
#
# REPO_GIT_DIR may be a bare repository (a git folder without work tree). Nothing is written
# into it: the program configuration lives in a temporary folder, passed with --root, and the
# repository with --repository.
set -euo pipefail

REPO=${1:?usage: crosscheck-history.sh REPO_GIT_DIR [BRANCH]}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
VOUCH=${VOUCH:-"$ROOT/.build/release/vouch"}
BRANCH=${2:-$(git --git-dir "$REPO" symbolic-ref --short HEAD)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-crosscheck.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

[ -x "$VOUCH" ] || (cd "$ROOT" && swift build -c release --product vouch >/dev/null)

cat > "$WORK/vouch.yml" <<YAML
organization: Cross-check
system: Cross-check
reports:
  soc2:
    type: 2
    period: { start: 1970-01-01, end: 2099-12-31 }
    categories: [security]
change_management:
  branch: $BRANCH
  paths: ["**"]
YAML

start=$(date +%s.%N)
status=0
"$VOUCH" evidence --root "$WORK" --repository "$REPO" --branch "$BRANCH" --format json --output "$WORK/evidence.json" || status=$?
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
if [ "$status" -ge 2 ]; then echo "vouch evidence failed ($status)" >&2; exit 2; fi

git --git-dir "$REPO" log --first-parent --format='@@%H%n%(trailers:key=Reviewed-by,unfold)' "$BRANCH" > "$WORK/trailers.txt"
git_count=$(git --git-dir "$REPO" rev-list --first-parent --count "$BRANCH")

python3 - "$WORK/evidence.json" "$WORK/trailers.txt" "$git_count" "$BRANCH" "$elapsed" <<'PY'
import json, sys
evidence = json.load(open(sys.argv[1]))
git_count, branch, elapsed = int(sys.argv[3]), sys.argv[4], float(sys.argv[5])

# git: the distinct Reviewed-by values of each commit (Vouch lists a repeated trailer once).
git_reviews, commit = {}, None
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("@@"):
        commit = line[2:]
        git_reviews[commit] = set()
    elif line.lower().startswith("reviewed-by:"):
        git_reviews[commit].add(line.split(":", 1)[1].strip())

vouch_reviews = {}
for change in evidence["changes"]:
    vouch_reviews[change["commit"]] = sum(1 for a in change["approvers"] if a["source"] == "trailer" and a["kind"] == "reviewed")

population = evidence["metadata"]["population"]
git_total = sum(len(v) for v in git_reviews.values())
vouch_total = sum(vouch_reviews.values())
differ = [c for c in git_reviews if len(git_reviews[c]) != vouch_reviews.get(c, -1)]
mechanisms = evidence["metadata"]["summary"]["mechanisms"]

print(f"branch {branch}: tip {evidence['metadata']['tip']}, vouch evidence took {elapsed:.2f}s")
print(f"first-parent changes: vouch {population}, git rev-list {git_count} -> {'agree' if population == git_count else 'DIFFER'}")
print(f"Reviewed-by approvers: vouch {vouch_total}, git log trailers {git_total} in {sum(1 for v in git_reviews.values() if v)} commits -> {'agree' if not differ else f'DIFFER in {len(differ)} commits'}")
print("mechanisms: " + ", ".join(f"{k} {v}" for k, v in sorted(mechanisms.items(), key=lambda kv: -kv[1])))
for c in differ[:10]:
    print(f"  {c}: git {sorted(git_reviews[c])} vouch {vouch_reviews.get(c)}")
sys.exit(0 if population == git_count and not differ else 1)
PY

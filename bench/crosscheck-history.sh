#!/usr/bin/env bash
# Cross-checks `vouch evidence` against git itself on a real history:
#   - the number of first-parent changes equals `git rev-list --first-parent --count`;
#   - commit by commit, every trailer Vouch reads (key and value, in order) equals what
#     `git log --first-parent --format='%(trailers:only,unfold)'` prints for that commit.
#
#   bench/crosscheck-history.sh REPO_GIT_DIR [BRANCH]
#
# REPO_GIT_DIR may be a bare repository (a git folder without work tree). Nothing is written
# into it: the program configuration lives in a temporary folder, passed with --root, and the
# repository with --repository. Exit status 0 when both agree on every commit.
set -euo pipefail

REPO=${1:?usage: crosscheck-history.sh REPO_GIT_DIR [BRANCH]}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
VOUCH=${VOUCH:-"$ROOT/.build/release/vouch"}
BRANCH=${2:-$(git --git-dir "$REPO" symbolic-ref --short HEAD)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-crosscheck.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$HERE/common.sh"

[ -x "$VOUCH" ] || (cd "$ROOT" && swift build -c release --product vouch >/dev/null)

write_history_program "$WORK" "Cross-check" "$BRANCH"

start=$(date +%s.%N)
status=0
"$VOUCH" evidence --root "$WORK" --repository "$REPO" --branch "$BRANCH" --list-trailers --format json --output "$WORK/evidence.json" || status=$?
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
if [ "$status" -ge 2 ]; then echo "vouch evidence failed ($status)" >&2; exit 2; fi

# One record per commit: \x02 commit \x03 then trailers separated by NUL, key and value by \x01.
git --git-dir "$REPO" log --first-parent --format='%x02%H%x03%(trailers:only,unfold,separator=%x00,key_value_separator=%x01)' "$BRANCH" > "$WORK/trailers.bin"
git_count=$(git --git-dir "$REPO" rev-list --first-parent --count "$BRANCH")

python3 - "$WORK/evidence.json" "$WORK/trailers.bin" "$git_count" "$BRANCH" "$elapsed" <<'PY'
import collections, json, sys
evidence = json.load(open(sys.argv[1], encoding="utf-8"))
git_count, branch, elapsed = int(sys.argv[3]), sys.argv[4], float(sys.argv[5])

git = {}
for record in open(sys.argv[2], "rb").read().split(b"\x02")[1:]:
    commit, _, body = record.partition(b"\x03")
    body = body.rstrip(b"\n")
    pairs = []
    for item in body.split(b"\x00") if body else []:
        key, _, value = item.partition(b"\x01")
        pairs.append((key.decode("utf-8", "replace"), value.decode("utf-8", "replace")))
    git[commit.decode()] = pairs

vouch = {c["commit"]: [(t["key"], t["value"]) for t in c.get("trailers", [])] for c in evidence["changes"]}
population = evidence["metadata"]["population"]
common = [c for c in git if c in vouch]
differ = [c for c in common if git[c] != vouch[c]]
missing = [c for c in git if c not in vouch]
keys = collections.Counter(k.lower() for pairs in git.values() for k, _ in pairs)
with_trailers = sum(1 for pairs in git.values() if pairs)
total = sum(len(pairs) for pairs in git.values())

print(f"branch {branch}: tip {evidence['metadata']['tip']}, vouch evidence --list-trailers took {elapsed:.2f}s")
print(f"first-parent changes: vouch {population}, git rev-list {git_count} -> {'agree' if population == git_count and not missing else 'DIFFER'}")
print(f"trailers: git {total} in {with_trailers} commits; per commit, keys and values in order: "
      + (f"agree on all {len(common)} commits" if not differ else f"DIFFER in {len(differ)} of {len(common)} commits"))
print("most common keys: " + ", ".join(f"{k} {n}" for k, n in keys.most_common(8)))
print("mechanisms: " + ", ".join(f"{k} {v}" for k, v in sorted(evidence["metadata"]["summary"]["mechanisms"].items(), key=lambda kv: -kv[1])))
for c in differ[:10]:
    print(f"  {c}:\n    git   {git[c]}\n    vouch {vouch[c]}")
sys.exit(0 if population == git_count and not missing and not differ else 1)
PY

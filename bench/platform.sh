#!/usr/bin/env bash
# Times `vouch github import` on a generated history of PULLS squash-merged pull requests:
# offline from a generated --from file (first run into empty notes, then the no-op second run),
# against git's own bulk write of notes of the same content (`git fast-import` of a
# refs/notes commit, from the same JSON); `vouch evidence` on that history with the notes against
# the same run without them; and an online backfill of ONLINE pull requests from a loopback
# server answering like GitHub's REST API with DELAY ms added to every response.
# Targets: offline import under 5 s and 300 MB; evidence with notes within 1.5x of without;
# online backfill under 30 s.
#
#   bench/platform.sh [PULLS] [ONLINE] [RUNS] [DELAY]
#   VOUCH=path/to/vouch bench/platform.sh …   (time an existing binary instead of building one)
set -euo pipefail

PULLS=${1:-10000}
ONLINE=${2:-2000}
RUNS=${3:-3}
DELAY=${4:-30}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vouch-bench.XXXXXX")
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$WORK"' EXIT
source "$HERE/common.sh"

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
if [ -z "${VOUCH:-}" ]; then
    echo "Building the release binary…" >&2
    (cd "$ROOT" && swift build -c release --product vouch >/dev/null)
    VOUCH="$ROOT/.build/release/vouch"
fi

repo="$WORK/repo"
git init -q -b main "$repo"
python3 "$HERE/platform-data.py" history "$PULLS" | git -C "$repo" fast-import --quiet
git -C "$repo" repack -adq
git -C "$repo" reset -q --hard main
git -C "$repo" config user.name Bench
git -C "$repo" config user.email bench@example.com
git -C "$repo" rev-list --first-parent --reverse main | tail -n +2 > "$WORK/shas"
python3 "$HERE/platform-data.py" pulls "$WORK/shas" > "$WORK/pulls.jsonl"
echo "history: $(wc -l < "$WORK/shas") changes; --from file $(du -k "$WORK/pulls.jsonl" | cut -f1) KB" >&2

cd "$repo"
unset GITHUB_TOKEN GH_TOKEN
drop_notes() { git update-ref -d refs/notes/vouch 2>/dev/null || true; git update-ref -d refs/notes/baseline 2>/dev/null || true; }
baseline() { drop_notes; python3 "$HERE/platform-data.py" notes "$WORK/pulls.jsonl" | git fast-import --quiet; }
firsts=() bases=() peak=0
for _ in $(seq "$RUNS"); do
    drop_notes
    read -r wall _ rss < <(timed "$VOUCH" github import --from "$WORK/pulls.jsonl")
    firsts+=("$wall"); (( rss > peak )) && peak=$rss
    drop_notes
    start=$(date +%s%N); baseline; end=$(date +%s%N)
    bases+=("$(echo "($end - $start) / 1000000000" | bc -l)")
done
drop_notes
"$VOUCH" github import --from "$WORK/pulls.jsonl" > "$WORK/import.out"
notes=$(git notes --ref vouch list | wc -l)
seconds=()
for _ in $(seq "$RUNS"); do read -r wall _ _ < <(timed "$VOUCH" github import --from "$WORK/pulls.jsonl"); seconds+=("$wall"); done
grep -q "is unchanged" "$WORK/out" || { echo "the second import wrote notes" >&2; exit 1; }

# vouch evidence with the notes, against the same history without them.
git update-ref refs/notes/kept refs/notes/vouch
with=() without=()
for _ in $(seq "$RUNS"); do
    git update-ref refs/notes/vouch refs/notes/kept
    read -r wall _ _ < <(timed "$VOUCH" evidence --format json --output "$WORK/with.json"); with+=("$wall")
    git update-ref -d refs/notes/vouch
    read -r wall _ _ < <(timed "$VOUCH" evidence --format json --output "$WORK/without.json"); without+=("$wall")
done
git update-ref refs/notes/vouch refs/notes/kept
"$VOUCH" evidence --format json --output "$WORK/with.json" || true
count_exceptions() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for c in d['changes'] if c.get('exceptions')))" "$1" 2>/dev/null || echo "?"; }
exceptions=$(count_exceptions "$WORK/with.json")
exceptions_without=$(count_exceptions "$WORK/without.json")

# Online: the newest ONLINE pull requests from the loopback server.
python3 "$HERE/platform-data.py" pulls "$WORK/shas" $((PULLS - ONLINE + 1)) > "$WORK/online.jsonl"
python3 "$HERE/platform-data.py" serve "$WORK/online.jsonl" "$DELAY" > "$WORK/port" &
server=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
port=$(head -n 1 "$WORK/port")
git update-ref -d refs/notes/vouch
export GITHUB_API_URL="http://127.0.0.1:$port" GITHUB_TOKEN=bench-token-0123456789 GITHUB_REPOSITORY=example/billing HTTPS_PROXY= HTTP_PROXY= http_proxy= https_proxy=
read -r online _ online_rss < <(timed "$VOUCH" github import)
requests=$(cat "$WORK/online.jsonl.count")
matched=$(grep -o '[0-9]* of [0-9]* merged pull requests' "$WORK/out" || echo "?")

f() { printf '%.2f' "$1"; }
echo
echo "| $(date -u +%Y-%m-%d) | $PULLS squash-merged pull requests, --from file | first import $(f "$(median "${firsts[@]}")") s, ${notes} notes, peak $(echo "$peak / 1024" | bc) MB; no-op second run $(f "$(median "${seconds[@]}")") s | git fast-import of the same notes $(f "$(median "${bases[@]}")") s | evidence with notes $(f "$(median "${with[@]}")") s ($exceptions changes with exceptions), without $(f "$(median "${without[@]}")") s ($exceptions_without) | online: $matched, $requests requests, ${DELAY} ms added each, $(printf '%.1f' "$online") s, peak $(echo "$online_rss / 1024" | bc) MB | $(machine_description) (load $(cut -d' ' -f1-3 /proc/loadavg)) |"

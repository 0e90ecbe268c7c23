#!/usr/bin/env bash
# Times `vouch lint` and `vouch runs` on a generated program in git: 2,000 periodic controls
# (daily, weekly, monthly, quarterly and annual mixed) with 20,000 run records, each naming a
# 20 KB artefact file beside it with its correct SHA-256 (400 MB of artefacts), committed with the
# reviewer's approval. Release build, median of RUNS, each run paired with its baseline in the
# same run: `cat` of the same files (every program file, artefacts included) to /dev/null.
# Targets: median under 1.5 s on 2 cores, and no more than 4x the cat.
# Usage: bench/runs.sh [RUNS]   (VOUCH=path measures that binary; KEEP=1 keeps the generated program)   Prints a Markdown row for bench/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/common.sh"
RUNS=${1:-7}
make_work_folder
[ -n "${KEEP:-}" ] && trap - EXIT && echo "data kept in $work" >&2
WORK=$work
repo="$work/program"

python3 - "$repo" <<'PY'
import datetime, hashlib, os, subprocess, sys
root = sys.argv[1]
CONTROLS, RECORDS, ARTIFACT = 2000, 20000, 20 * 1024
PERIOD = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
def write(path, data):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode())
def git(*args, input=None):
    env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_DATE="2027-01-20T10:00:00+00:00", GIT_COMMITTER_DATE="2027-01-20T10:00:00+00:00")
    subprocess.run(["git", "-C", root, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", "-c", "gc.auto=0", *args],
                   check=True, env=env, input=input, text=True, stdout=subprocess.DEVNULL)
# Every occurrence of a frequency overlapping the period: (name, start, end).
def occurrences(frequency):
    start, end = PERIOD
    found = []
    if frequency == "daily":
        day = start
        while day <= end:
            found.append((day.isoformat(), day, day)); day += datetime.timedelta(days=1)
    elif frequency == "weekly":
        day = start - datetime.timedelta(days=start.weekday())
        while day <= end:
            year, week, _ = day.isocalendar()
            found.append((f"{year}-W{week:02}", day, day + datetime.timedelta(days=6))); day += datetime.timedelta(days=7)
    elif frequency == "monthly":
        for month in range(1, 13):
            last = (datetime.date(2026 + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1))
            found.append((f"2026-{month:02}", datetime.date(2026, month, 1), last))
    elif frequency == "quarterly":
        for quarter in range(4):
            first = datetime.date(2026, 3 * quarter + 1, 1)
            last = datetime.date(2026 + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1) - datetime.timedelta(days=1)
            found.append((f"2026-Q{quarter + 1}", first, last))
    else:
        found.append(("2026", start, end))
    return found
frequencies = ["daily", "weekly", "monthly", "quarterly", "annually"]
mix = [frequencies[n % 5] for n in range(CONTROLS)]
# Records per control: the last occurrences of the period, as many as fit, 20,000 in all.
counts = [min({"quarterly": 4, "annually": 1}.get(f, 10), len(occurrences(f))) for f in mix]
spare = RECORDS - sum(counts)
while spare > 0:
    for n, f in enumerate(mix):
        if spare and counts[n] < len(occurrences(f)) and f in ("daily", "weekly"):
            counts[n] += 1; spare -= 1
criteria = [f"CC{a}.{b}" for a, n in [(1, 5), (2, 3), (3, 4), (4, 2), (5, 3), (6, 8), (7, 5), (8, 1), (9, 2)] for b in range(1, n + 1)]
os.makedirs(root, exist_ok=True)
git("init", "-q", "-b", "main")
write("vouch.yml", "organization: Bench\nsystem: Bench\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security]\n    excluded: {}\nchange_management:\n  branch: main\n")
for section in ["services", "commitments", "components", "incidents", "control-environment", "subservice-organizations", "cuecs", "changes"]:
    write(f"system/{section}.md", f"---\nsection: {section}\ntitle: {section.replace('-', ' ').capitalize()}\n---\nDescribed here.\n")
write("policies/policy-0.md", "---\nid: policy-0\ntitle: Policy 0\nowner: Head of Engineering\napprovers: [\"Sam Okafor <sam@example.com>\"]\nversion: \"1\"\neffective: 2026-01-01\n---\nText.\n")
seed = hashlib.sha256(b"runs bench").digest()
for n, frequency in enumerate(mix):
    control = f"OP-{n:04}"
    chosen = occurrences(frequency)[-counts[n]:]
    write(f"controls/op-{n:04}.md", f"---\nid: {control}\ntitle: Operated control {n}\nstatus: implemented\nowner: Head of Engineering\ncriteria: [{criteria[n % len(criteria)]}]\npolicies: [policy-0]\nfrequency: {frequency}\nruns: {{starts: {chosen[0][1].isoformat()}}}\nevidence: [Run record]\n---\nWhat is done, by whom, how often.\n")
    for name, first, last in chosen:
        # 20 KB of distinct, incompressible-looking text: hex of a hash chain.
        block, chunks = hashlib.sha256(seed + f"{control}/{name}".encode()).digest(), []
        while sum(map(len, chunks)) < ARTIFACT:
            block = hashlib.sha256(block).digest(); chunks.append(block.hex() + "\n")
        data = "".join(chunks).encode()[:ARTIFACT]
        artifact = f"runs/{control}/{name}/result.txt"
        write(artifact, data)
        write(f"runs/{control}/{name}.md", f"---\ncontrol: {control}\noccurrence: {name}\nperformed: {last.isoformat()}\nperformed_by: Dana Reyes <dana@example.com>\nreviewed_by: Sam Okafor <sam@example.com>\nresult: effective\nartifacts:\n  - file: {artifact}\n    sha256: {hashlib.sha256(data).hexdigest()}\n---\nWhat was checked, and what was found.\n")
git("add", "-A")
git("commit", "-q", "-m", "Controls and a year of runs\n\nApproved-by: Sam Okafor <sam@example.com>\n")
PY

build_release
records=$(find "$repo/runs" -name '*.md' | wc -l)
artifacts=$(find "$repo/runs" -type f ! -name '*.md' | wc -l)
artifact_mb=$(du -sm --apparent-size "$repo/runs" | cut -f1)
(cd "$repo" && "$VOUCH" lint --as-of 2027-01-31 | tail -n 1) || true
(cd "$repo" && "$VOUCH" runs --as-of 2027-01-31 | tail -n 3) || true
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The baseline reads every file vouch reads: the configuration, the documents, records, artefacts.
cat_files() { cd "$repo" && find vouch.yml controls policies system runs -type f -print0 | xargs -0 cat > /dev/null; }
export -f cat_files; export repo
# Packed as a clone would have it, in the foreground: left to itself, the commit of 40,000 new
# objects starts `git gc --auto` in the background, which takes both cores during the timed runs.
git -C "$repo" repack -adq
# The generator has just written about a gigabyte: let it reach the disk first, or the timed runs
# meet the kernel's writeback instead of the program as users have it.
sync
# One warm-up of each, so the page cache holds every file before timing.
(cd "$repo" && "$VOUCH" lint --as-of 2027-01-31 >/dev/null 2>&1; cat_files) || true
read -r lint_wall lint_cpu lint_rss cat_wall _ _ lint_ratio < <(cd "$repo" && pair "$VOUCH" lint --as-of 2027-01-31 -- bash -c cat_files)
read -r runs_wall runs_cpu runs_rss cat2_wall _ _ runs_ratio < <(cd "$repo" && pair "$VOUCH" runs --as-of 2027-01-31 -- bash -c cat_files)
ms() { printf '%.0f ms' "$(echo "$1 * 1000" | bc -l)"; }
mb() { printf '%.0f MB' "$(echo "$1 / 1024" | bc -l)"; }
echo "| $(date -u +%F) | \`vouch lint\`, $records run records, $artifacts artefacts ($artifact_mb MB), 2,000 controls | $(ms "$lint_wall") (CPU $(printf '%.2f' "$lint_cpu") s, $(mb "$lint_rss")) | cat $(ms "$cat_wall"); ratio $(printf '%.1f' "$lint_ratio")x | $(machine_description); load $load_before → $(cut -d' ' -f1-3 /proc/loadavg) |"
echo "| $(date -u +%F) | \`vouch runs\`, same program | $(ms "$runs_wall") (CPU $(printf '%.2f' "$runs_cpu") s, $(mb "$runs_rss")) | cat $(ms "$cat2_wall"); ratio $(printf '%.1f' "$runs_ratio")x | same run |"
# The export of the same commit: every record, the population of occurrences, and each artefact
# read from git, copied into the package and hashed in the manifest. Baseline: git writing the
# same commit's files out (`git archive | tar -x`), which reads the same blobs and writes as much.
export_out="$work/package"
archive_files() { rm -rf "$work/archive" && mkdir -p "$work/archive" && git -C "$repo" archive HEAD | tar -x -m -C "$work/archive"; }
export -f archive_files; export work
read -r export_wall export_cpu export_rss archive_wall _ _ export_ratio < <(cd "$repo" && pair "$VOUCH" export --as-of 2027-01-31 --out "$export_out" --force -- bash -c archive_files)
echo "| $(date -u +%F) | \`vouch export\`, same program ($(find "$export_out/artifacts" -type f | wc -l) artefacts copied) | $(ms "$export_wall") (CPU $(printf '%.2f' "$export_cpu") s, $(mb "$export_rss")) | git archive + tar -x $(ms "$archive_wall"); ratio $(printf '%.1f' "$export_ratio")x | same run |"
# The pre-commit hook's path on the same program, one record staged: it reads the staged program
# from git's objects, and of the artefacts only those the staged records name or the commit changes.
printf '\nChecked again.\n' >> "$repo/runs/OP-0000/$(ls "$repo/runs/OP-0000" | grep '\.md$' | tail -n 1)"
git -C "$repo" add runs/OP-0000
staged_ms=$(cd "$repo" && median_ms "$RUNS" "$VOUCH" lint --staged --as-of 2027-01-31)
echo "| $(date -u +%F) | \`vouch lint --staged\`, same program, one record staged | ${staged_ms} ms | | same run |"

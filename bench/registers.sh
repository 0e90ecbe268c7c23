#!/usr/bin/env bash
# Times `vouch lint` on a generated program in git with large registers: 500 vendors, 1,000 risks,
# a 10,000-person roster and 100,000 acknowledgements (notes on refs/notes/vouch: 10 policies ×
# 10,000 people), release build, median of RUNS. Baselines from the same run: the same program
# without its registers (controls and policies only, same history), and reading every file (cat).
# Target: under 1.5 s on 2 cores.
# Usage: bench/registers.sh [RUNS]   Prints a Markdown row for bench/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/common.sh"
RUNS=${1:-7}
make_work_folder

generate() {  # generate FOLDER WITH_REGISTERS
python3 - "$1" "$2" <<'PY'
import os, sys, subprocess
root, registers = sys.argv[1], sys.argv[2] == "1"
def write(path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f: f.write(text)
def git(*args, env=None, input=None):
    e = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", **(env or {}))
    subprocess.run(["git", "-C", root, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", *args],
                   check=True, env=e, input=input, text=True, stdout=subprocess.DEVNULL)
ids = [f"CC{a}.{b}" for a, n in [(1, 5), (2, 3), (3, 4), (4, 2), (5, 3), (6, 8), (7, 5), (8, 1), (9, 2)] for b in range(1, n + 1)]  # every security criterion
os.makedirs(root, exist_ok=True)
git("init", "-q", "-b", "main")
write("vouch.yml", "organization: Bench\nsystem: Bench\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security]\n    excluded: {}\nrisk_appetite: 12\nchange_management:\n  branch: main\n")
for n in range(50):
    write(f"controls/ctl-{n:02}.md", f"---\nid: CTL-{n:02}\ntitle: Control {n}\ncriteria: [{ids[n % len(ids)]}, {ids[(n + 5) % len(ids)]}]\npolicies: [policy-{n % 10}]\nowner: Head of Engineering\nstatus: implemented\nevidence: [Ticket]\n---\n" + "Narrative. " * 20 + "\n")
for section in ["services", "commitments", "components", "incidents", "control-environment", "subservice-organizations", "cuecs", "changes"]:
    write(f"system/{section}.md", f"---\nsection: {section}\ntitle: {section.replace('-', ' ').capitalize()}\n---\nDescribed here.\n")
git("add", "-A"); git("commit", "-q", "-m", "Controls")
if registers:
    people = ["name,email,aliases,role,team,start,end,policies_required"]
    people.append("Dana Reyes,dana@example.com,,Head of Engineering,Security,2020-01-01,,all")
    for n in range(1, 10000):
        end = f"2026-{(n % 12) + 1:02}-15" if n % 10 == 0 else ""
        people.append(f"Person {n},person{n}@example.com,,Engineer,Team {n % 40},20{20 + n % 6}-{(n % 12) + 1:02}-01,{end},all")
    write("people/people.csv", "\n".join(people) + "\n")
    for n in range(500):
        write(f"vendors/vendor-{n:03}.md", f"---\nid: vendor-{n:03}\nname: Vendor {n}\ncriticality: {['critical','high','medium','low'][n % 4]}\nsubservice: {'carve-out' if n % 5 == 0 else 'no'}\nowner: Head of Engineering\nassurance:\n  - kind: soc2\n    type: 2\n    period: {{ start: 2025-10-01, end: 2026-09-30 }}\n    opinion: unqualified\n    bridge_letter: {{ through: 2026-12-31 }}\ncsocs:\n  - text: Customers manage their own users\n    criteria: [CC6.1]\n    controls: [CTL-{n % 50:02}]\nreview: {{ last: 2026-06-01, interval_days: 365 }}\n---\nWhy we use them.\n")
    for n in range(1000):
        write(f"risks/risk-{n:04}.md", f"---\nid: R-{n:04}\ntitle: Risk {n}\ncategory: security\nlikelihood: {n % 5 + 1}\nimpact: {(n // 5) % 5 + 1}\ntreatment: mitigate\ncontrols: [CTL-{n % 50:02}]\nresidual: {{ likelihood: 1, impact: {(n // 5) % 5 + 1} }}\nowner: Head of Engineering\nreview: {{ last: 2026-03-01, interval_days: 365 }}\n---\nScenario and reasoning.\n")
    git("add", "-A"); git("commit", "-q", "-m", "Registers")
# Ten policies, each changed in its own commit approved by Dana.
commits = []
for n in range(10):
    write(f"policies/policy-{n}.md", f"---\nid: policy-{n}\ntitle: Policy {n}\nowner: Head of Engineering\napprovers: [\"Dana Reyes <dana@example.com>\"]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n")
    git("add", "-A")
    git("commit", "-q", "-m", f"Policy {n}\n\nApproved-by: Dana Reyes <dana@example.com>\n", env={"GIT_AUTHOR_DATE": "2026-02-20T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-02-20T10:00:00+00:00"})
    commits.append(subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip())
if registers:
    for n, commit in enumerate(commits):
        blob = subprocess.run(["git", "-C", root, "rev-parse", f"{commit}:policies/policy-{n}.md"], check=True, capture_output=True, text=True).stdout.strip()
        lines = ["Acknowledged: policy-%d %s 2026-03-%02d %s" % (n, blob, 1 + p % 20, "Dana Reyes <dana@example.com>" if p == 0 else f"Person {p} <person{p}@example.com>") for p in range(10000)]
        git("notes", "--ref", "vouch", "add", "-F", "-", commit, input="\n".join(lines) + "\n")
PY
}

generate "$work/registers" 1
generate "$work/plain" 0
build_release
acks=$(git -C "$work/registers" notes --ref vouch list | while read -r note _; do git -C "$work/registers" cat-file -p "$note"; done | grep -c '^Acknowledged:')
(cd "$work/registers" && "$VOUCH" lint --as-of 2026-11-23 | tail -n 1) || true
registers_ms=$(cd "$work/registers" && median_ms "$RUNS" "$VOUCH" lint --as-of 2026-11-23)
plain_ms=$(cd "$work/plain" && median_ms "$RUNS" "$VOUCH" lint --as-of 2026-11-23)
cat_ms=$(median_ms "$RUNS" bash -c "cat $work/registers/vendors/* $work/registers/risks/* $work/registers/people/* > /dev/null")
peak=$(cd "$work/registers" && peak_mb "$VOUCH" lint --as-of 2026-11-23)
echo "| $(date -u +%F) | lint in git, 500 vendors, 1,000 risks, 10,000 people, $acks acknowledgements (10 policies) | ${registers_ms} ms | same program without registers ${plain_ms} ms; cat of the register files ${cat_ms} ms | ${peak} MB | $(machine_description) |"

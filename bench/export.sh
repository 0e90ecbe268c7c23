#!/usr/bin/env bash
# Times `vouch export` (all formats) of a generated program of 2,000 controls and 200 policies
# in a repository whose period holds 10,000 changes (release build, median of several runs).
# Baselines in the same run: `git archive` of the same commit (reading every blob), `vouch lint`
# of the same program (reading and checking it), and `vouch evidence --format json` (the change
# population the export includes). The export is timed as it runs by default (every object hashed
# again and checked against its id) and with --no-verify-objects, alternating, to show what the
# check costs.
# Usage: bench/export.sh [RUNS]   Prints a Markdown row for bench/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/common.sh"
RUNS=${1:-9}
make_work_folder
repo="$work/repo"
git init -q -b main "$repo"

# One commit with the whole program, then 10,000 changes inside the period, streamed through
# git fast-import (committing them one by one would take minutes).
python3 - <<'PY' | git -C "$repo" fast-import --quiet
import sys
out = sys.stdout.buffer
ids = ["CC1.1","CC1.2","CC1.3","CC1.4","CC1.5","CC2.1","CC2.2","CC2.3","CC3.1","CC3.2","CC3.3","CC3.4","CC4.1","CC4.2",
       "CC5.1","CC5.2","CC5.3","CC6.1","CC6.2","CC6.3","CC6.4","CC6.5","CC6.6","CC6.7","CC6.8","CC7.1","CC7.2","CC7.3",
       "CC7.4","CC7.5","CC8.1","CC9.1","CC9.2","A1.1","A1.2","A1.3","C1.1","C1.2"]
files = {"vouch.yml": "organization: Bench, Inc.\nsystem: Bench Platform\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, availability, confidentiality]\nchange_management:\n  branch: main\n"}
for n in range(200):
    files[f"policies/policy-{n:03}.md"] = f"---\nid: policy-{n:03}\ntitle: Policy {n}\nowner: CISO\napprovers: [\"Dana Reyes <dana@example.com>\"]\nversion: \"1.{n}\"\neffective: 2026-03-01\ncriteria: [CC5.3]\n---\n# Policy {n}\n\n" + "Policy statement text. " * 60 + "\n"
for n in range(2000):
    criteria = ", ".join(ids[(n + k) % len(ids)] for k in range(3))
    files[f"controls/ctl-{n:04}.md"] = (f"---\nid: CTL-{n:04}\ntitle: Control number {n}\ncriteria: [{criteria}]\npolicies: [policy-{n % 200:03}]\n"
        "owner: Head of Engineering\nfrequency: quarterly\nkind: preventive\nautomation: hybrid\nstatus: implemented\nevidence:\n"
        "  - git: change-review\n  - Quarterly review ticket\n---\n" + "The control narrative describes **what** is done, by whom and how often. " * 8
        + "\n\n| Step | Who |\n|---|---|\n| Review | Owner |\n")
for section in ("services", "commitments", "components", "incidents", "control-environment", "cuecs", "subservice-organizations", "changes"):
    files[f"system/{section}.md"] = f"---\nsection: {section}\n---\n# {section}\n\nText.\n"
def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")
start = 1767225600  # 2026-01-01T00:00:00Z
out.write(b"commit refs/heads/main\nmark :1\n")
out.write(b"author Dana Reyes <dana@example.com> %d +0000\ncommitter Dana Reyes <dana@example.com> %d +0000\n" % (start, start))
data("Program\n")
for path, text in sorted(files.items()):
    out.write(f"M 100644 inline {path}\n".encode())
    data(text)
for n in range(10000):
    when = start + 86400 + n * 2400
    out.write(b"commit refs/heads/main\n")
    out.write(b"author Sam Okafor <sam@example.com> %d +0000\ncommitter Sam Okafor <sam@example.com> %d +0000\n" % (when, when))
    data(f"Change {n}\n\nReviewed-by: Dana Reyes <dana@example.com>\n")
    out.write(f"M 100644 inline src/module-{n % 500:03}.txt\n".encode())
    data(f"revision {n}\n")
PY
git -C "$repo" checkout -q main

build_release
changes=$(git -C "$repo" rev-list --count HEAD)
export_ms=$(median_ms "$RUNS" "$VOUCH" export --root "$repo" --out "$work/package" --force)
unverified_ms=$(median_ms "$RUNS" "$VOUCH" export --root "$repo" --out "$work/package" --force --no-verify-objects)
verified_again_ms=$(median_ms "$RUNS" "$VOUCH" export --root "$repo" --out "$work/package" --force)
"$VOUCH" export --root "$repo" --out "$work/package" --force
lint_ms=$(median_ms "$RUNS" "$VOUCH" lint --root "$repo")
archive_ms=$(median_ms "$RUNS" bash -c "git -C '$repo' archive HEAD > /dev/null")
evidence_ms=$(median_ms "$RUNS" "$VOUCH" evidence --root "$repo" --format json)
peak=$(peak_mb "$VOUCH" export --root "$repo" --out "$work/package" --force)
size=$(du -sk "$work/package" | cut -f1)
echo "| $(date -u +%F) | export, 2,000 controls, 200 policies, $changes commits; package ${size} KB | ${export_ms} ms (again ${verified_again_ms} ms); --no-verify-objects ${unverified_ms} ms | vouch evidence ${evidence_ms} ms; vouch lint ${lint_ms} ms; git archive ${archive_ms} ms | ${peak} MB | $(machine_description) |"

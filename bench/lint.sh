#!/usr/bin/env bash
# Times `vouch lint` on a generated program of 2,000 controls and 200 policies (release build,
# median of several runs), against two baselines on the same files in the same run: reading them
# (cat) and parsing every front matter with PyYAML's C loader.
# Usage: bench/lint.sh [RUNS]   Appends nothing; prints a Markdown row for bench/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/common.sh"
RUNS=${1:-15}
make_work_folder

python3 - "$work" <<'PY'
import os, sys
root = sys.argv[1]
ids = ["CC1.1","CC1.2","CC1.3","CC1.4","CC1.5","CC2.1","CC2.2","CC2.3","CC3.1","CC3.2","CC3.3","CC3.4","CC4.1","CC4.2",
       "CC5.1","CC5.2","CC5.3","CC6.1","CC6.2","CC6.3","CC6.4","CC6.5","CC6.6","CC6.7","CC6.8","CC7.1","CC7.2","CC7.3",
       "CC7.4","CC7.5","CC8.1","CC9.1","CC9.2","A1.1","A1.2","A1.3","C1.1","C1.2"]
for folder in ("controls", "policies", "system"):
    os.makedirs(os.path.join(root, folder), exist_ok=True)
with open(os.path.join(root, "vouch.yml"), "w") as f:
    f.write("organization: Bench\nsystem: Bench\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, availability, confidentiality]\n")
for n in range(200):
    with open(os.path.join(root, "policies", f"policy-{n:03}.md"), "w") as f:
        f.write(f"---\nid: policy-{n:03}\ntitle: Policy {n}\nowner: CISO\napprovers: [\"Dana Reyes <dana@example.com>\"]\nversion: \"1.{n}\"\neffective: 2026-03-01\ncriteria: [CC5.3]\n---\n# Policy {n}\n\n" + "Policy statement text. " * 60 + "\n")
for n in range(2000):
    criteria = ", ".join(ids[(n + k) % len(ids)] for k in range(3))
    with open(os.path.join(root, "controls", f"ctl-{n:04}.md"), "w") as f:
        f.write(f"---\nid: CTL-{n:04}\ntitle: Control number {n}\ncriteria: [{criteria}]\npolicies: [policy-{n % 200:03}]\nowner: Head of Engineering\nfrequency: quarterly\nkind: preventive\nautomation: hybrid\nstatus: implemented\nevidence:\n  - git: change-review\n  - Quarterly review ticket\n---\n" + "The control narrative describes what is done, by whom and how often. " * 8 + "\n")
for section in ("services", "commitments", "components", "incidents", "control-environment", "cuecs", "subservice-organizations", "changes"):
    with open(os.path.join(root, "system", f"{section}.md"), "w") as f:
        f.write(f"---\nsection: {section}\n---\nText.\n")
PY

build_release
files=$(find "$work" -type f | wc -l)
"$VOUCH" lint --root "$work" | tail -n 1
vouch_ms=$(median_ms "$RUNS" "$VOUCH" lint --root "$work")
cat_ms=$(median_ms "$RUNS" bash -c "cat $work/controls/* $work/policies/* > /dev/null")
yaml_ms=$(median_ms 3 python3 -c "
import glob, yaml, sys
Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
for path in glob.glob(sys.argv[1] + '/*/*.md'):
    text = open(path, encoding='utf-8').read()
    yaml.load(text.split('---\n')[1], Loader=Loader)
" "$work")
peak=$(peak_mb "$VOUCH" lint --root "$work")
echo "| $(date -u +%F) | lint, $files files (2,000 controls, 200 policies) | ${vouch_ms} ms | cat ${cat_ms} ms; PyYAML front matter ${yaml_ms} ms | ${peak} MB | $(machine_description) |"

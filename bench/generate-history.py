#!/usr/bin/env python3
"""Writes a git fast-import stream of a synthetic history to standard output.

About COMMITS commits in all: a first-parent main line of direct commits with review
trailers, GitHub-style squash commits (with a '---------' line before Co-authored-by),
and --no-ff merges of two-commit topic branches; about 3,200 files in nested folders,
a .mailmap, a vouch.yml, and approval notes on refs/notes/vouch for some changes.
Deterministic: the same arguments give the same repository.
"""
import sys

commits = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.stdout.buffer
people = [(f"Developer {n}", f"dev{n}@example.com") for n in range(200)]
files = [f"src/mod{m}/sub{s}/file{f}.swift" for m in range(60) for s in range(5) for f in range(10)]
files += [f"docs/guide{d}/page{p}.md" for d in range(20) for p in range(10)]
start = 1_577_836_800  # 2020-01-01T00:00:00Z
mark = 0
clock = 0
state = 1


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2_147_483_648
    return state % n


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw))
    out.write(raw)
    out.write(b"\n")


def commit(ref, message, author, parents, changes):
    global mark, clock
    mark += 1
    clock += 60
    name, email = author
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
    out.write(f"author {name} <{email}> {start + clock} +0000\n".encode())
    out.write(f"committer {name} <{email}> {start + clock} +0000\n".encode())
    data(message)
    for index, parent in enumerate(parents):
        out.write(b"%s :%d\n" % (b"from" if index == 0 else b"merge", parent))
    for path, content in changes:
        out.write(f"M 100644 inline {path}\n".encode())
        data(content)
    out.write(b"\n")
    return mark


def edits(number):
    return [(files[rand(len(files))], f"// change {number}\n") for _ in range(1 + rand(3))]


mailmap = "".join(f"Developer {n} <dev{n}@example.com> <dev{n}@old.example.org>\n" for n in range(0, 200, 10))
configuration = ("organization: Bench\nsystem: Bench\nreports:\n  soc2:\n    type: 2\n"
                 "    period: { start: 2019-01-01, end: 2029-12-31 }\n    categories: [security]\n"
                 "change_management:\n  branch: main\n  paths: [\"**\"]\n")
tip = commit("refs/heads/main", "Initial import\n", people[0], [],
             [(path, f"// {path}\n") for path in files] + [(".mailmap", mailmap), ("vouch.yml", configuration)])
made = 1
number = 0
approved = []
while made < commits:
    number += 1
    author = people[rand(len(people))]
    reviewer = people[rand(len(people))]
    kind = number % 4
    if kind == 0 and commits - made >= 3:
        topic = f"refs/heads/topic"
        first_edits, second_edits = edits(number), edits(number)
        first = commit(topic, f"Topic work {number}\n\nSigned-off-by: {author[0]} <{author[1]}>\n", author, [tip], first_edits)
        second = commit(topic, f"More topic work {number}\n", author, [first], second_edits)
        # fast-import does not merge trees: the merge carries the topic's edits itself.
        tip = commit("refs/heads/main", f"Merge pull request #{number} from example/topic-{number}\n\nTopic {number}\n",
                     ("GitHub", "noreply@github.com"), [tip, second], first_edits + second_edits)
        made += 3
        if number % 3 == 0:
            approved.append((tip, reviewer))
    elif kind == 1:
        tip = commit("refs/heads/main", f"Feature {number} (#{number})\n\n* step one\n\n* step two\n\n---------\n\n"
                     f"Co-authored-by: {reviewer[0]} <{reviewer[1]}>\n", author, [tip], edits(number))
        made += 1
    elif kind == 2:
        tip = commit("refs/heads/main", f"Fix {number}\n\nA longer explanation of fix {number}.\n\n"
                     f"Signed-off-by: {author[0]} <{author[1]}>\nReviewed-by: {reviewer[0]} <{reviewer[1]}>\n",
                     author, [tip], edits(number))
        made += 1
    else:
        tip = commit("refs/heads/main", f"Direct change {number}\n", author, [tip], edits(number))
        made += 1

# Approval notes, one notes commit for all (as after a bulk import).
mark += 1
out.write(b"commit refs/notes/vouch\nmark :%d\n" % mark)
out.write(f"committer Notes <notes@example.com> {start + clock + 60} +0000\n".encode())
data("Approvals\n")
for target, reviewer in approved:
    out.write(b"N inline :%d\n" % target)
    data(f"Approved-by: {reviewer[0]} <{reviewer[1]}>\n")
out.write(b"\n")
out.write(b"reset refs/heads/topic\nfrom 0000000000000000000000000000000000000000\n\n")

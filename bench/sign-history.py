#!/usr/bin/env python3
"""Rewrites every commit of a branch as an SSH-signed commit, as `git commit -S` with
`gpg.format ssh` would have signed it: each commit object, with its parents rewritten, is signed
by `ssh-keygen -Y sign -n git` and gets the armor in a `gpgsig` header. Objects are read through
one `git cat-file --batch` and written as loose objects directly; the branch is moved to the new
tip. Usage: sign-history.py REPO BRANCH PRIVATE-KEY
"""
import hashlib
import os
import subprocess
import sys
import zlib

repo, branch, key = sys.argv[1], sys.argv[2], sys.argv[3]
git_dir = subprocess.run(["git", "-C", repo, "rev-parse", "--absolute-git-dir"], check=True, capture_output=True, text=True).stdout.strip()
order = subprocess.run(["git", "-C", repo, "rev-list", "--reverse", "--topo-order", branch], check=True, capture_output=True, text=True).stdout.split()
batch = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def read(oid):
    batch.stdin.write(oid.encode() + b"\n")
    batch.stdin.flush()
    header = batch.stdout.readline().split()
    size = int(header[2])
    content = batch.stdout.read(size)
    batch.stdout.read(1)
    return content


def write(content):
    raw = b"commit %d\0" % len(content) + content
    oid = hashlib.sha1(raw).hexdigest()
    folder = os.path.join(git_dir, "objects", oid[:2])
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, oid[2:])
    if not os.path.exists(path):
        with open(path, "wb") as out:
            out.write(zlib.compress(raw, 1))
    return oid


renamed = {}
for number, oid in enumerate(order, 1):
    headers, _, message = read(oid).partition(b"\n\n")
    lines = []
    for line in headers.split(b"\n"):
        if line.startswith(b"parent "):
            parent = line[7:].decode()
            line = b"parent " + renamed.get(parent, parent).encode()
        lines.append(line)
    unsigned = b"\n".join(lines) + b"\n\n" + message
    armor = subprocess.run(["ssh-keygen", "-Y", "sign", "-n", "git", "-f", key], input=unsigned, check=True, capture_output=True).stdout
    signature = b"gpgsig " + b"\n ".join(armor.rstrip(b"\n").split(b"\n"))
    renamed[oid] = write(b"\n".join(lines) + b"\n" + signature + b"\n\n" + message)
    if number % 1000 == 0:
        print(f"  signed {number} of {len(order)} commits", file=sys.stderr)
batch.stdin.close()
batch.wait()
subprocess.run(["git", "-C", repo, "update-ref", f"refs/heads/{branch}", renamed[order[-1]]], check=True)
print(len(order))

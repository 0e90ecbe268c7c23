#!/usr/bin/env python3
"""Data for bench/platform.sh: a history of squash-merged pull requests, their REST objects, and
a loopback server that answers like GitHub's REST API.

  platform-data.py history N          git fast-import stream: a vouch.yml, then N squash merges
                                      "Change k (#k)" on main, all in 2026
  platform-data.py pulls SHAS [FIRST] JSON Lines for `vouch github import --from`: one merged pull
                                      request per line of SHAS (the first-parent changes, oldest
                                      first, from FIRST), with a review and a commit, as GitHub's
                                      REST API returns them
  platform-data.py notes FILE         git fast-import stream writing, for each line of FILE, a note
                                      of the same content on refs/notes/baseline (the baseline)
  platform-data.py serve FILE DELAY   serves FILE's pull requests on 127.0.0.1 (port on stdout),
                                      DELAY ms added to every response; counts requests in FILE.count
Deterministic: the same arguments give the same data.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API = "https://api.github.com"
REPO = "example/billing"
START = 1_767_225_600  # 2026-01-01T00:00:00Z


def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def user(login, uid):
    return {"login": login, "id": uid, "node_id": f"MDQ6VXNlcj{uid}", "avatar_url": f"https://github.com/images/{login}.gif",
            "gravatar_id": "", "url": f"{API}/users/{login}", "html_url": f"https://github.com/{login}",
            "type": "User", "site_admin": False}


def history(count):
    out = sys.stdout.buffer
    def data(text):
        raw = text.encode()
        out.write(b"data %d\n%s\n" % (len(raw), raw))
    program = ("organization: Bench\nsystem: Bench\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n"
               "    categories: [security]\nchange_management:\n  branch: main\n  paths: [\"**\"]\n")
    out.write(b"commit refs/heads/main\nmark :1\n")
    out.write(b"author Bench <bench@example.com> %d +0000\ncommitter Bench <bench@example.com> %d +0000\n" % (START - 86400, START - 86400))
    data("Program\n")
    out.write(b"M 100644 inline vouch.yml\n")
    data(program)
    for k in range(1, count + 1):
        when = START + k * 3000
        dev = k % 50
        out.write(b"commit refs/heads/main\nmark :%d\n" % (k + 1))
        out.write(f"author Developer {dev} <dev{dev}@example.com> {when} +0000\n".encode())
        out.write(f"committer GitHub <noreply@github.com> {when} +0000\n".encode())
        data(f"Change {k} (#{k})\n\n* Change {k}\n")
        out.write(b"from :%d\n" % k)
        out.write(f"M 100644 inline src/mod{k % 100}/file{k % 997}.swift\n".encode())
        data(f"change {k}\n")


def pull_line(number, sha):
    when = START + number * 3000
    dev, reviewer = number % 50, (number + 7) % 50
    head = f"{number:040x}"
    owner = user("example", 1)
    def branch(ref, commit):
        return {"label": f"example:{ref}", "ref": ref, "sha": commit, "user": owner,
                "repo": {"id": 1296269, "name": "billing", "full_name": REPO, "owner": owner, "private": False}}
    url = f"{API}/repos/{REPO}/pulls/{number}"
    pull = {"url": url, "id": 10_000_000 + number, "html_url": f"https://github.com/{REPO}/pull/{number}", "number": number,
            "state": "closed", "locked": False, "title": f"Change {number}", "user": user(f"dev{dev}", 1000 + dev), "body": "",
            "labels": [], "milestone": None, "created_at": iso(when - 7200), "updated_at": iso(when), "closed_at": iso(when),
            "merged_at": iso(when), "merge_commit_sha": sha, "assignee": None, "assignees": [], "requested_reviewers": [],
            "head": branch(f"topic-{number}", head), "base": branch("main", "0" * 40), "author_association": "MEMBER",
            "draft": False, "merged": True, "merged_by": user(f"dev{reviewer}", 1000 + reviewer)}
    review = {"id": 80_000_000 + number, "user": user(f"dev{reviewer}", 1000 + reviewer), "body": "", "state": "APPROVED",
              "html_url": f"https://github.com/{REPO}/pull/{number}#pullrequestreview-{80_000_000 + number}",
              "pull_request_url": url, "submitted_at": iso(when - 600), "commit_id": head, "author_association": "MEMBER"}
    commit = {"url": f"{API}/repos/{REPO}/commits/{head}", "sha": head, "html_url": f"https://github.com/{REPO}/commit/{head}",
              "commit": {"author": {"name": f"Developer {dev}", "email": f"dev{dev}@example.com", "date": iso(when - 9000)},
                         "committer": {"name": f"Developer {dev}", "email": f"dev{dev}@example.com", "date": iso(when - 9000)},
                         "message": f"Change {number}", "comment_count": 0},
              "author": user(f"dev{dev}", 1000 + dev), "committer": user(f"dev{dev}", 1000 + dev), "parents": []}
    return {"pull": pull, "reviews": [review], "commits": [commit]}


def pulls(shas_file, first):
    shas = [line.strip() for line in open(shas_file) if line.strip()]
    for number, sha in enumerate(shas, start=1):
        if number >= first:
            sys.stdout.write(json.dumps(pull_line(number, sha), separators=(",", ":")) + "\n")


def notes(path):
    """The baseline: git writes a note for every line, its text made from the same objects."""
    out = sys.stdout.buffer
    out.write(b"commit refs/notes/baseline\ncommitter Bench <bench@example.com> %d +0000\n" % START)
    out.write(b"data 9\nbaseline\n")
    for line in open(path):
        entry = json.loads(line)
        pull, review = entry["pull"], entry["reviews"][0]
        text = (f"Source: github\nPull-request: {pull['html_url']}\nPull-request-author: {pull['user']['login']}\n"
                f"Approved-by: {review['user']['login']} <{review['user']['id']}+{review['user']['login']}@users.noreply.github.com>\n"
                f"Review: {review['id']} APPROVED {review['submitted_at']} on {review['commit_id']} by {review['user']['login']}\n"
                f"Head: {pull['head']['sha']}\nMerged-by: {pull['merged_by']['login']} at {pull['merged_at']}\n").encode()
        out.write(b"N inline %s\ndata %d\n%s\n" % (pull["merge_commit_sha"].encode(), len(text), text))


def serve(path, delay_ms):
    entries = [json.loads(line) for line in open(path)]
    entries.reverse()  # newest update first, as the list is sorted
    by_number = {e["pull"]["number"]: e for e in entries}
    listed = [dict((k, v) for k, v in e["pull"].items() if k not in ("merged", "merged_by")) for e in entries]
    count = [0]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The headers and the body go out as two writes; with Nagle's algorithm the body waits
        # for the client's delayed acknowledgement of the headers (40 ms on Linux), which would
        # more than double the delay every response is meant to have.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_GET(self):
            with lock:
                count[0] += 1
                with open(path + ".count", "w") as f:
                    f.write(str(count[0]))
            time.sleep(delay_ms / 1000)
            target, _, query = self.path.partition("?")
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            parts = target.strip("/").split("/")
            headers = {"X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "4999"}
            body = None
            if parts[:4] == ["repos", "example", "billing", "pulls"] and len(parts) == 4:
                page, per = int(params.get("page", "1")), int(params.get("per_page", "30"))
                body = listed[(page - 1) * per: page * per]
                if page * per < len(listed):
                    host = self.headers.get("Host")
                    base = f"http://{host}{target}?state=closed&base=main&sort=updated&direction=desc&per_page={per}"
                    headers["Link"] = f'<{base}&page={page + 1}>; rel="next", <{base}&page={(len(listed) + per - 1) // per}>; rel="last"'
            elif len(parts) == 5 and parts[3] == "pulls":
                entry = by_number.get(int(parts[4]))
                body = entry["pull"] if entry else None
            elif len(parts) == 6 and parts[3] == "pulls" and parts[5] in ("reviews", "commits"):
                entry = by_number.get(int(parts[4]))
                body = entry[parts[5]] if entry else None
            elif len(parts) == 6 and parts[3] == "commits" and parts[5] == "pulls":
                body = []
            raw = json.dumps(body if body is not None else {"message": "Not Found"}).encode()
            self.send_response(200 if body is not None else 404)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "history":
        history(int(sys.argv[2]))
    elif mode == "pulls":
        pulls(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    elif mode == "notes":
        notes(sys.argv[2])
    elif mode == "serve":
        serve(sys.argv[2], int(sys.argv[3]))

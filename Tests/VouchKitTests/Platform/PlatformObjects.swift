import Foundation

/// GitHub's and GitLab's REST objects, shaped as their REST documentation shows them (every
/// field of the documented examples, with this fixture's values), for `--from` files and the
/// loopback server.
enum GitHubREST {
    static let api = "https://api.github.com"

    static func user(_ login: String, id: Int) -> [String: Any] {
        [
            "login": login, "id": id, "node_id": "MDQ6VXNlcj\(id)", "avatar_url": "https://github.com/images/error/\(login)_happy.gif",
            "gravatar_id": "", "url": "\(api)/users/\(login)", "html_url": "https://github.com/\(login)",
            "followers_url": "\(api)/users/\(login)/followers", "following_url": "\(api)/users/\(login)/following{/other_user}",
            "gists_url": "\(api)/users/\(login)/gists{/gist_id}", "starred_url": "\(api)/users/\(login)/starred{/owner}{/repo}",
            "subscriptions_url": "\(api)/users/\(login)/subscriptions", "organizations_url": "\(api)/users/\(login)/orgs",
            "repos_url": "\(api)/users/\(login)/repos", "events_url": "\(api)/users/\(login)/events{/privacy}",
            "received_events_url": "\(api)/users/\(login)/received_events", "type": "User", "site_admin": false,
        ]
    }

    static func branch(_ ref: String, sha: String, owner: [String: Any], repository: String) -> [String: Any] {
        ["label": "\(owner["login"]!):\(ref)", "ref": ref, "sha": sha, "user": owner,
         "repo": ["id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": repository.split(separator: "/").last.map(String.init)!,
                  "full_name": repository, "owner": owner, "private": false, "html_url": "https://github.com/\(repository)",
                  "url": "\(api)/repos/\(repository)", "default_branch": "main"]]
    }

    /// A merged pull request as `GET /repos/{owner}/{repo}/pulls` lists it (with `merged` and
    /// `merged_by`, as the single pull request and the event payload add them, when `full`).
    static func pull(_ number: Int, repository: String = "example/billing", title: String, author: (String, Int), head: String, base: String = "main",
                     baseSHA: String = "0000000000000000000000000000000000000000", mergedAt: String, mergeCommit: String?, mergedBy: (String, Int)?, full: Bool = true) -> [String: Any] {
        let owner = user("example", id: 1)
        let pullURL = "\(api)/repos/\(repository)/pulls/\(number)"
        var pull: [String: Any] = [
            "url": pullURL, "id": 1_000_000 + number, "node_id": "MDExOlB1bGxSZXF1ZXN0\(number)",
            "html_url": "https://github.com/\(repository)/pull/\(number)", "diff_url": "https://github.com/\(repository)/pull/\(number).diff",
            "patch_url": "https://github.com/\(repository)/pull/\(number).patch", "issue_url": "\(api)/repos/\(repository)/issues/\(number)",
            "commits_url": "\(pullURL)/commits", "review_comments_url": "\(pullURL)/comments",
            "review_comment_url": "\(api)/repos/\(repository)/pulls/comments{/number}", "comments_url": "\(api)/repos/\(repository)/issues/\(number)/comments",
            "statuses_url": "\(api)/repos/\(repository)/statuses/\(head)", "number": number, "state": "closed", "locked": false,
            "title": title, "user": user(author.0, id: author.1), "body": "Please pull these awesome changes in!", "labels": [Any](),
            "milestone": NSNull(), "active_lock_reason": NSNull(), "created_at": "2026-02-01T19:01:12Z", "updated_at": mergedAt,
            "closed_at": mergedAt, "merged_at": mergedAt, "merge_commit_sha": mergeCommit.map { $0 as Any } ?? NSNull(),
            "assignee": NSNull(), "assignees": [Any](), "requested_reviewers": [Any](), "requested_teams": [Any](),
            "head": branch("topic-\(number)", sha: head, owner: owner, repository: repository),
            "base": branch(base, sha: baseSHA, owner: owner, repository: repository),
            "_links": ["self": ["href": pullURL], "html": ["href": "https://github.com/\(repository)/pull/\(number)"],
                       "issue": ["href": "\(api)/repos/\(repository)/issues/\(number)"], "comments": ["href": "\(api)/repos/\(repository)/issues/\(number)/comments"],
                       "review_comments": ["href": "\(pullURL)/comments"], "review_comment": ["href": "\(api)/repos/\(repository)/pulls/comments{/number}"],
                       "commits": ["href": "\(pullURL)/commits"], "statuses": ["href": "\(api)/repos/\(repository)/statuses/\(head)"]],
            "author_association": "MEMBER", "auto_merge": NSNull(), "draft": false,
        ]
        if full {
            pull["merged"] = true
            pull["mergeable"] = NSNull()
            pull["rebaseable"] = NSNull()
            pull["mergeable_state"] = "unknown"
            pull["merged_by"] = mergedBy.map { user($0.0, id: $0.1) as Any } ?? NSNull()
            pull["comments"] = 0
            pull["review_comments"] = 0
            pull["maintainer_can_modify"] = false
            pull["commits"] = 1
            pull["additions"] = 3
            pull["deletions"] = 1
            pull["changed_files"] = 1
        }
        return pull
    }

    /// A review as `GET /repos/{owner}/{repo}/pulls/{n}/reviews` lists it; `commit` nil is GitHub's
    /// `commit_id: null` for a garbage-collected commit.
    static func review(_ id: Int, pull number: Int, repository: String = "example/billing", by reviewer: (String, Int), state: String, submittedAt: String, commit: String?) -> [String: Any] {
        let html = "https://github.com/\(repository)/pull/\(number)#pullrequestreview-\(id)"
        return [
            "id": id, "node_id": "MDE3OlB1bGxSZXF1ZXN0UmV2aWV3\(id)", "user": user(reviewer.0, id: reviewer.1),
            "body": "Here is the body for the review.", "state": state, "html_url": html,
            "pull_request_url": "\(api)/repos/\(repository)/pulls/\(number)",
            "_links": ["html": ["href": html], "pull_request": ["href": "\(api)/repos/\(repository)/pulls/\(number)"]],
            "submitted_at": submittedAt, "commit_id": commit.map { $0 as Any } ?? NSNull(), "author_association": "COLLABORATOR",
        ]
    }

    /// A commit as `GET /repos/{owner}/{repo}/pulls/{n}/commits` lists it.
    static func pullCommit(sha: String, repository: String = "example/billing", author: (name: String, email: String), login: (String, Int)?, date: String, message: String,
                           committer: (name: String, email: String)? = nil, committerLogin: (String, Int)? = nil, parent: String = "0000000000000000000000000000000000000000") -> [String: Any] {
        let committer = committer ?? author
        return [
            "url": "\(api)/repos/\(repository)/commits/\(sha)", "sha": sha, "node_id": "MDY6Q29tbWl0\(sha.prefix(8))",
            "html_url": "https://github.com/\(repository)/commit/\(sha)", "comments_url": "\(api)/repos/\(repository)/commits/\(sha)/comments",
            "commit": [
                "url": "\(api)/repos/\(repository)/git/commits/\(sha)",
                "author": ["name": author.name, "email": author.email, "date": date],
                "committer": ["name": committer.name, "email": committer.email, "date": date],
                "message": message, "tree": ["url": "\(api)/repos/\(repository)/tree/\(sha)", "sha": sha], "comment_count": 0,
                "verification": ["verified": false, "reason": "unsigned", "signature": NSNull(), "payload": NSNull(), "verified_at": NSNull()],
            ] as [String: Any],
            "author": login.map { user($0.0, id: $0.1) as Any } ?? NSNull(),
            "committer": (committerLogin ?? login).map { user($0.0, id: $0.1) as Any } ?? NSNull(),
            "parents": [["url": "\(api)/repos/\(repository)/commits/\(parent)", "sha": parent]],
        ]
    }

    /// One `--from` line.
    static func line(pull: [String: Any], reviews: [[String: Any]], commits: [[String: Any]]) throws -> String {
        try json(["pull": pull, "reviews": reviews, "commits": commits])
    }
}

enum GitLabREST {
    static func user(_ username: String, id: Int, name: String) -> [String: Any] {
        ["id": id, "username": username, "name": name, "state": "active", "locked": false,
         "avatar_url": "https://gitlab.example.com/uploads/-/system/user/avatar/\(id)/avatar.png", "web_url": "https://gitlab.example.com/\(username)"]
    }

    /// A merged merge request as `GET /projects/:id/merge_requests?state=merged` lists it.
    static func mergeRequest(_ iid: Int, project: String = "example/billing", title: String, author: (String, Int, String), sha: String, mergedAt: String,
                             mergeCommit: String?, squashCommit: String?, squash: Bool, mergedBy: (String, Int, String)) -> [String: Any] {
        [
            "id": 10_000 + iid, "iid": iid, "project_id": 3, "title": title, "description": "fixed login page css paddings", "state": "merged",
            "imported": false, "imported_from": "none", "merged_by": user(mergedBy.0, id: mergedBy.1, name: mergedBy.2),
            "merge_user": user(mergedBy.0, id: mergedBy.1, name: mergedBy.2), "merged_at": mergedAt, "merge_after": NSNull(), "prepared_at": "2026-02-01T08:46:00Z",
            "closed_by": NSNull(), "closed_at": NSNull(), "created_at": "2026-02-01T08:46:00Z", "updated_at": mergedAt,
            "target_branch": "main", "source_branch": "topic-\(iid)", "upvotes": 0, "downvotes": 0,
            "author": user(author.0, id: author.1, name: author.2), "assignee": NSNull(), "assignees": [Any](), "reviewers": [Any](),
            "source_project_id": 3, "target_project_id": 3, "labels": [Any](), "draft": false, "work_in_progress": false, "milestone": NSNull(),
            "merge_when_pipeline_succeeds": false, "merge_status": "can_be_merged", "detailed_merge_status": "not_open",
            "sha": sha, "merge_commit_sha": mergeCommit.map { $0 as Any } ?? NSNull(), "squash_commit_sha": squashCommit.map { $0 as Any } ?? NSNull(),
            "user_notes_count": 1, "discussion_locked": NSNull(), "should_remove_source_branch": true, "force_remove_source_branch": false,
            "allow_collaboration": false, "allow_maintainer_to_push": false,
            "web_url": "https://gitlab.example.com/\(project)/-/merge_requests/\(iid)", "reference": "!\(iid)",
            "references": ["short": "!\(iid)", "relative": "!\(iid)", "full": "\(project)!\(iid)"],
            "time_stats": ["time_estimate": 0, "total_time_spent": 0, "human_time_estimate": NSNull(), "human_total_time_spent": NSNull()],
            "squash": squash, "squash_on_merge": squash, "task_completion_status": ["count": 0, "completed_count": 0], "has_conflicts": false,
            "blocking_discussions_resolved": true,
        ]
    }

    /// `GET /projects/:id/merge_requests/:iid/approvals`.
    static func approvals(_ iid: Int, approvedBy: [(String, Int, String, String)]) -> [String: Any] {
        [
            "id": 10_000 + iid, "iid": iid, "project_id": 3, "title": "Approvals API", "description": "Test", "state": "merged",
            "created_at": "2026-02-01T08:46:00Z", "updated_at": "2026-02-02T08:46:00Z", "merge_status": "can_be_merged",
            "approved": !approvedBy.isEmpty, "approvals_required": 1, "approvals_left": approvedBy.isEmpty ? 1 : 0, "require_password_to_approve": false,
            "approved_by": approvedBy.map { ["user": user($0.0, id: $0.1, name: $0.2), "approved_at": $0.3] },
            "suggested_approvers": [Any](), "approvers": [Any](), "approver_groups": [Any](), "user_has_approved": false, "user_can_approve": false,
            "approval_rules_left": [Any](), "has_approval_rules": false, "merge_request_approvers_available": true, "multiple_approval_rules_available": true,
        ]
    }

    /// A commit as `GET /projects/:id/merge_requests/:iid/commits` lists it.
    static func commit(_ sha: String, project: String = "example/billing", title: String, author: (name: String, email: String), date: String) -> [String: Any] {
        ["id": sha, "short_id": String(sha.prefix(8)), "created_at": date, "parent_ids": [Any](), "title": title, "message": title + "\n",
         "author_name": author.name, "author_email": author.email, "authored_date": date,
         "committer_name": author.name, "committer_email": author.email, "committed_date": date,
         "trailers": [String: Any](), "extended_trailers": [String: Any](), "web_url": "https://gitlab.example.com/\(project)/-/commit/\(sha)"]
    }

    static func line(mergeRequest: [String: Any], approvals: [String: Any], commits: [[String: Any]]) throws -> String {
        try json(["merge_request": mergeRequest, "approvals": approvals, "commits": commits])
    }
}

func json(_ object: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
}

import Foundation

/// GitLab's REST objects, as far as Vouch reads them: the merge request
/// (`GET /projects/:id/merge_requests`), its approvals (`…/merge_requests/:iid/approvals`) and
/// its commits (`…/merge_requests/:iid/commits`). Every other field is ignored.
public enum GitLabObjects {
    public struct User: Decodable, Sendable {
        public var id: Int
        public var username: String
        public var name: String?
    }

    public struct MergeRequest: Decodable, Sendable {
        public var iid: Int
        public var web_url: String
        public var state: String?
        public var author: User?
        public var target_branch: String?
        /// The head commit of the source branch.
        public var sha: String?
        public var merge_commit_sha: String?
        public var squash_commit_sha: String?
        public var squash: Bool?
        public var merged_at: String?
        public var updated_at: String?
        /// `merged_by` is deprecated in favour of `merge_user`; either may be there.
        public var merge_user: User?
        public var merged_by: User?
    }

    public struct Approver: Decodable, Sendable {
        public var user: User
        /// Newer GitLab versions say when.
        public var approved_at: String?
    }

    public struct Approvals: Decodable, Sendable {
        public var approved_by: [Approver]
    }

    public struct Commit: Decodable, Sendable {
        public var id: String
        public var title: String?
        public var message: String?
        public var author_name: String?
        public var author_email: String?
        public var authored_date: String?
        public var committer_name: String?
        public var committer_email: String?
    }

    /// One line of a `--from` file: `{"merge_request": …, "approvals": …, "commits": […]}`.
    public struct ImportLine: Decodable, Sendable {
        public var merge_request: MergeRequest
        public var approvals: Approvals
        public var commits: [Commit]
    }

    /// The request as Vouch records it. GitLab approvals carry no commit; GitLab lists approvals
    /// that still stand (a push can reset them), so each is taken as an approval of the head.
    public static func request(mergeRequest: MergeRequest, approvals: Approvals, commits: [Commit]) -> MergedRequest {
        let reviews = approvals.approved_by.map { approver in
            PlatformReview(id: String(approver.user.id), state: "APPROVED", submittedAt: approver.approved_at.flatMap(Timestamp.init(iso8601:)),
                           commit: .unrecorded, login: approver.user.username, url: mergeRequest.web_url)
        }
        let approvers = approvals.approved_by.map { approver in
            Identity(name: approver.user.name ?? approver.user.username, email: ReviewPlatform.gitlab.noreplyEmail(id: approver.user.id, login: approver.user.username))
        }
        var landed: [String] = []
        if mergeRequest.squash == true, let squash = mergeRequest.squash_commit_sha { landed.append(squash) }
        if let merge = mergeRequest.merge_commit_sha { landed.append(merge) }
        if mergeRequest.squash != true, let squash = mergeRequest.squash_commit_sha { landed.append(squash) }
        if let head = mergeRequest.sha, landed.isEmpty { landed.append(head) }  // a fast-forward merge lands the head itself
        return MergedRequest(
            platform: .gitlab, number: mergeRequest.iid, url: mergeRequest.web_url, author: mergeRequest.author?.username ?? "unknown",
            head: mergeRequest.sha, base: mergeRequest.target_branch, mergedAt: mergeRequest.merged_at.flatMap(Timestamp.init(iso8601:)),
            mergedBy: (mergeRequest.merge_user ?? mergeRequest.merged_by)?.username,
            landedCommits: landed,
            commits: commits.map { commit in
                // GitLab links commits to no account: the author's name stands for them.
                MergedRequest.Commit(
                    sha: commit.id, authorLogin: commit.author_name, committerLogin: commit.committer_name,
                    authorName: commit.author_name ?? "", authorEmail: commit.author_email ?? "",
                    authoredAt: commit.authored_date.flatMap(Timestamp.init(iso8601:)),
                    subject: commit.title ?? String((commit.message ?? "").split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""))
            },
            approvers: approvers, reviews: reviews)
    }
}

import Foundation

/// GitHub's REST objects, as far as Vouch reads them: the pull request (`GET /repos/{o}/{r}/pulls`,
/// and the `pull_request` event payload), its reviews (`…/pulls/{n}/reviews`) and its commits
/// (`…/pulls/{n}/commits`). Every other field is ignored.
public enum GitHubObjects {
    public struct User: Decodable, Sendable {
        public var login: String
        public var id: Int
    }

    public struct Branch: Decodable, Sendable {
        public var ref: String
        public var sha: String
    }

    public struct Pull: Decodable, Sendable {
        public var number: Int
        public var html_url: String
        public var state: String?
        public var user: User?
        public var head: Branch
        public var base: Branch
        public var merged_at: String?
        public var updated_at: String?
        public var merge_commit_sha: String?
        /// Only in the single pull request and the event payload, not in the list.
        public var merged: Bool?
        public var merged_by: User?
    }

    public struct Review: Decodable, Sendable {
        public var id: Int
        public var user: User?
        public var state: String
        public var html_url: String?
        public var submitted_at: String?
        /// Null when the commit was garbage-collected or force-deleted.
        public var commit_id: String?
    }

    public struct GitPerson: Decodable, Sendable {
        public var name: String?
        public var email: String?
        public var date: String?
    }

    public struct GitCommit: Decodable, Sendable {
        public var author: GitPerson?
        public var committer: GitPerson?
        public var message: String
    }

    public struct PullCommit: Decodable, Sendable {
        public var sha: String
        public var commit: GitCommit
        public var author: User?
        public var committer: User?
    }

    /// One line of a `--from` file: `{"pull": …, "reviews": […], "commits": […]}`.
    public struct ImportLine: Decodable, Sendable {
        public var pull: Pull
        public var reviews: [Review]
        public var commits: [PullCommit]
    }

    /// The request as Vouch records it.
    public static func request(pull: Pull, reviews: [Review], commits: [PullCommit]) -> MergedRequest {
        let recorded = reviews.filter { $0.state != "PENDING" }.map { review in
            PlatformReview(id: String(review.id), state: review.state, submittedAt: review.submitted_at.flatMap(Timestamp.init(iso8601:)),
                           commit: review.commit_id.map { .commit($0) } ?? .missing, login: review.user?.login ?? "ghost", url: review.html_url)
        }
        var ids: [String: Int] = [:]
        for review in reviews { if let user = review.user { ids[user.login.lowercased()] = user.id } }
        let approvers = PlatformReview.latestApprovals(recorded).map { review in
            Identity(name: review.login, email: ReviewPlatform.github.noreplyEmail(id: ids[review.login.lowercased()] ?? 0, login: review.login))
        }
        return MergedRequest(
            platform: .github, number: pull.number, url: pull.html_url, author: pull.user?.login ?? "ghost",
            head: pull.head.sha, base: pull.base.ref, mergedAt: pull.merged_at.flatMap(Timestamp.init(iso8601:)), mergedBy: pull.merged_by?.login,
            landedCommits: pull.merge_commit_sha.map { [$0] } ?? [],
            commits: commits.map { commit in
                MergedRequest.Commit(
                    sha: commit.sha, authorLogin: commit.author?.login, committerLogin: commit.committer?.login,
                    authorName: commit.commit.author?.name ?? "", authorEmail: commit.commit.author?.email ?? "",
                    authoredAt: commit.commit.author?.date.flatMap(Timestamp.init(iso8601:)),
                    subject: String(commit.commit.message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""))
            },
            approvers: approvers, reviews: recorded)
    }
}

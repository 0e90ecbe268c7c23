import Foundation

/// GitLab's REST API (v4), as the backfill and `record` read it.
public struct GitLabAPI: Sendable {
    public let client: PlatformClient
    /// The project's id, or its path (`group/project`), which is escaped.
    public let project: String

    public init(client: PlatformClient, project: String) {
        self.client = client
        self.project = project
    }

    /// `CI_API_V4_URL` or `GITLAB_API_URL` (default `https://gitlab.com/api/v4`); `GITLAB_TOKEN`
    /// (sent as `PRIVATE-TOKEN`), else CI's `CI_JOB_TOKEN` (sent as `JOB-TOKEN`).
    public static func settings(environment: [String: String]) -> PlatformClient.Settings {
        let url = ["CI_API_V4_URL", "GITLAB_API_URL"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "https://gitlab.com/api/v4"
        let authorization: (String, String)?
        if let token = environment["GITLAB_TOKEN"], !token.isEmpty {
            authorization = ("PRIVATE-TOKEN", token)
        } else if let token = environment["CI_JOB_TOKEN"], !token.isEmpty {
            authorization = ("JOB-TOKEN", token)
        } else {
            authorization = nil
        }
        return PlatformClient.Settings(baseURL: url, authorization: authorization, tokenVariables: "GITLAB_TOKEN or CI_JOB_TOKEN", environment: environment)
    }

    private var base: String { "/projects/\(GitHubAPI.escaped(project))" }

    /// One page of the merge requests merged into `branch`, newest update first: those merged
    /// within `period` (epoch seconds), and the next page, unless every merge request on this one
    /// was last updated before the period.
    func mergedRequests(page path: String, period: ClosedRange<Int64>?) throws -> (items: [GitLabObjects.MergeRequest], next: String?) {
        let (requests, next) = try client.page(path, of: GitLabObjects.MergeRequest.self)
        let (merged, goesOn) = PlatformFetch.inPeriod(requests, period, updatedAt: \.updated_at, mergedAt: \.merged_at)
        return (merged, goesOn ? next : nil)
    }

    public func mergeRequest(_ iid: Int) throws -> GitLabObjects.MergeRequest {
        try client.object("\(base)/merge_requests/\(iid)", as: GitLabObjects.MergeRequest.self)
    }

    /// The merge requests GitLab associates with a commit (none when it no longer has it).
    public func mergeRequests(landing sha: String) throws -> [GitLabObjects.MergeRequest] {
        do {
            return try client.list("\(base)/repository/commits/\(sha)/merge_requests", of: GitLabObjects.MergeRequest.self)
        } catch PlatformError.notFound {
            return []
        }
    }

    public func request(for mergeRequest: GitLabObjects.MergeRequest) throws -> MergedRequest {
        let approvals = try client.object("\(base)/merge_requests/\(mergeRequest.iid)/approvals", as: GitLabObjects.Approvals.self)
        let commits = try client.list("\(base)/merge_requests/\(mergeRequest.iid)/commits?per_page=100", of: GitLabObjects.Commit.self)
        return GitLabObjects.request(mergeRequest: mergeRequest, approvals: approvals, commits: commits)
    }

    /// Every merge request merged into `branch` in `period` with its approvals and commits,
    /// `limit` requests at a time, each merge request's as soon as the page listing it arrived; then, for the changes of `unclaimed(requests)` (first-parent changes no
    /// merged merge request claims), the merged merge requests GitLab associates with them
    /// (`GET /projects/:id/repository/commits/:sha/merge_requests`).
    public func backfill(into branch: String, period: ClosedRange<Int64>?, limit: Int, unclaimed: ([MergedRequest]) -> [String]) throws -> PlatformFetch {
        let query = "state=merged&target_branch=\(GitHubAPI.escaped(branch))&order_by=updated_at&sort=desc&per_page=100"
        var fetch = try PlatformFetch.listed(from: "\(base)/merge_requests?\(query)", limit: limit,
                                             page: { try mergedRequests(page: $0, period: period) }, fetch: { try request(for: $0) })
        guard fetch.stopped == nil else { return fetch }
        fetch.addRequests(landing: unclaimed(fetch.requests), limit: limit, associated: mergeRequests(landing:), number: \.iid,
                          accepts: { $0.state == "merged" && $0.merged_at != nil && $0.target_branch == branch }, fetch: { try request(for: $0) })
        return fetch
    }
}

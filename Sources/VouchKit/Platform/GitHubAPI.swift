import Foundation

/// GitHub's REST API, as the backfill and `record` read it.
public struct GitHubAPI: Sendable {
    public let client: PlatformClient
    /// `owner/name`.
    public let repository: String

    public init(client: PlatformClient, repository: String) {
        self.client = client
        self.repository = repository
    }

    /// `GITHUB_API_URL` (default `https://api.github.com`; GitHub Enterprise Server
    /// `https://HOST/api/v3`), the token from `GITHUB_TOKEN` or `GH_TOKEN`.
    public static func settings(environment: [String: String]) -> PlatformClient.Settings {
        let token = ["GITHUB_TOKEN", "GH_TOKEN"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return PlatformClient.Settings(
            baseURL: environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com",
            authorization: token.map { ("Authorization", "Bearer \($0)") }, tokenVariables: "GITHUB_TOKEN or GH_TOKEN", environment: environment)
    }

    private var base: String { "/repos/\(repository)" }

    /// One page of the pull requests merged into `branch`, newest update first: those merged
    /// within `period` (epoch seconds), and the next page, unless every pull request on this one
    /// was last updated before the period.
    func mergedPulls(page path: String, period: ClosedRange<Int64>?) throws -> (items: [GitHubObjects.Pull], next: String?) {
        let (pulls, next) = try client.page(path, of: GitHubObjects.Pull.self)
        let (merged, goesOn) = PlatformFetch.inPeriod(pulls, period, updatedAt: \.updated_at, mergedAt: \.merged_at)
        return (merged, goesOn ? next : nil)
    }

    /// A pull request with its reviews and commits. The lists of pull requests leave out who
    /// merged one (`merged_by`): a pull request without it is read again from `GET /pulls/{n}`.
    public func request(for listed: GitHubObjects.Pull) throws -> MergedRequest {
        let pull = listed.merged_by == nil ? try client.object("\(base)/pulls/\(listed.number)", as: GitHubObjects.Pull.self) : listed
        let reviews = try client.list("\(base)/pulls/\(pull.number)/reviews?per_page=100", of: GitHubObjects.Review.self)
        let commits = try client.list("\(base)/pulls/\(pull.number)/commits?per_page=100", of: GitHubObjects.PullCommit.self)
        return GitHubObjects.request(pull: pull, reviews: reviews, commits: commits)
    }

    /// The pull requests GitHub associates with a commit; none when GitHub no longer has the
    /// commit (404: garbage-collected).
    public func pulls(landing sha: String) throws -> [GitHubObjects.Pull] {
        do {
            return try client.list("\(base)/commits/\(sha)/pulls?per_page=100", of: GitHubObjects.Pull.self)
        } catch PlatformError.notFound {
            return []
        }
    }

    /// Every pull request merged into `branch` in `period` with its reviews and commits, `limit`
    /// requests at a time, each pull request's as soon as the page listing it arrived; then, for
    /// the changes of `unclaimed(requests)` (first-parent changes no merged pull request claims),
    /// the merged pull requests GitHub associates with them.
    public func backfill(into branch: String, period: ClosedRange<Int64>?, limit: Int, unclaimed: ([MergedRequest]) -> [String]) throws -> PlatformFetch {
        let query = "state=closed&base=\(Self.escaped(branch))&sort=updated&direction=desc&per_page=100"
        var fetch = try PlatformFetch.listed(from: "\(base)/pulls?\(query)", limit: limit,
                                             page: { try mergedPulls(page: $0, period: period) }, fetch: { try request(for: $0) })
        guard fetch.stopped == nil else { return fetch }
        fetch.addRequests(landing: unclaimed(fetch.requests), limit: limit, associated: pulls(landing:), number: \.number,
                          accepts: { $0.merged_at != nil && $0.base.ref == branch }, fetch: { try request(for: $0) })
        return fetch
    }

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

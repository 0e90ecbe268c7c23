import Foundation

/// A loopback server that answers like GitHub's REST API from a fixture's objects: GitHub's
/// `Link` pagination and rate-limit headers, `404 No commit found` for commits it does not have.
enum GitHubServer {
    /// `pulls` as `GET /pulls` lists them (without `merged_by`), each pull request in full by
    /// number (`GET /pulls/{n}`), reviews and commits by number, and the pull requests of commits
    /// (`GET /commits/{sha}/pulls`).
    static func start(pulls: [[String: Any]], full: [Int: [String: Any]] = [:], reviews: [Int: [[String: Any]]], commits: [Int: [[String: Any]]],
                      commitPulls: [String: [[String: Any]]] = [:], pageSize: Int = 2, repository: String = "example/billing") throws -> RESTServer {
        var lists: [String: [[String: Any]]] = ["/repos/\(repository)/pulls": pulls]
        for (number, list) in reviews { lists["/repos/\(repository)/pulls/\(number)/reviews"] = list }
        for (number, list) in commits { lists["/repos/\(repository)/pulls/\(number)/commits"] = list }
        for (sha, list) in commitPulls { lists["/repos/\(repository)/commits/\(sha)/pulls"] = list }
        let objects = Dictionary(uniqueKeysWithValues: full.map { ("/repos/\(repository)/pulls/\($0.key)", $0.value) })
        return try RESTServer(lists: lists, objects: objects, pageSize: pageSize, pagination: .github, headers: ["X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "4999"]) { path in
            if path.contains("/commits/") {
                return .init(status: 404, body: #"{"message":"No commit found for SHA: \#(path.split(separator: "/").dropLast().last ?? "")","documentation_url":"https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit","status":"404"}"#)
            }
            return .init(status: 404, body: #"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#)
        }
    }

    /// GitHub's answer when the token's hourly quota is spent, until `reset` (epoch seconds).
    static func quotaSpent(reset: Int64) -> LoopbackServer.Response {
        .init(status: 403, headers: ["X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "0", "X-RateLimit-Used": "5000", "X-RateLimit-Reset": String(reset)],
              body: #"{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}"#)
    }

    /// GitHub's secondary rate limit: 429 with `Retry-After`.
    static func slowDown(seconds: Int) -> LoopbackServer.Response {
        .init(status: 429, headers: ["Retry-After": String(seconds)], body: #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}"#)
    }
}

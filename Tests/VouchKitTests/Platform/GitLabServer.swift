import Foundation

/// A loopback server that answers like GitLab's REST API (v4, below `/api/v4`) for project 3:
/// GitLab's pagination headers, `404 Not found` answers, approvals and single merge requests as objects.
enum GitLabServer {
    static let project = "/api/v4/projects/3"

    /// `extra` merge requests are answered by `GET /merge_requests/:iid` only (not merged, so not listed);
    /// `landing` lists the merge requests of commits (`GET /repository/commits/:sha/merge_requests`).
    /// `unlisted` merge requests are answered like the fixture's but left out of `GET /merge_requests`.
    static func start(_ fixture: GitLabFixture, extra: [[String: Any]] = [], landing: [String: [[String: Any]]] = [:],
                      unlisted: [(mergeRequest: [String: Any], approvals: [String: Any], commits: [[String: Any]])] = [],
                      pageSize: Int = 1, pagination: RESTServer.Pagination = .gitlab) throws -> RESTServer {
        var lists: [String: [[String: Any]]] = ["\(project)/merge_requests": fixture.entries.map(\.mergeRequest).reversed()]
        var objects: [String: [String: Any]] = [:]
        for entry in fixture.entries + unlisted {
            let iid = entry.mergeRequest["iid"] as! Int
            lists["\(project)/merge_requests/\(iid)/commits"] = entry.commits
            objects["\(project)/merge_requests/\(iid)/approvals"] = entry.approvals
            objects["\(project)/merge_requests/\(iid)"] = entry.mergeRequest
        }
        for request in extra { objects["\(project)/merge_requests/\(request["iid"] as! Int)"] = request }
        for (sha, list) in landing { lists["\(project)/repository/commits/\(sha)/merge_requests"] = list }
        return try RESTServer(lists: lists, objects: objects, pageSize: pageSize, pagination: pagination) { path in
            .init(status: 404, body: path.contains("/repository/commits/") ? #"{"message":"404 Commit Not Found"}"# : #"{"message":"404 Not found"}"#)
        }
    }

    /// GitLab's answer past a rate limit: 429 with `Retry-After` and its `RateLimit-` headers.
    static func rateLimited(seconds: Int) -> LoopbackServer.Response {
        let reset = Int64(Date().timeIntervalSince1970) + Int64(seconds)
        return .init(status: 429, headers: ["Retry-After": String(seconds), "RateLimit-Name": "throttle_authenticated_api", "RateLimit-Limit": "60",
                                             "RateLimit-Observed": "67", "RateLimit-Remaining": "0", "RateLimit-Reset": String(reset)],
                     body: "Retry later\n")
    }
}

import Foundation
import Synchronization

/// Answers like GitHub's REST API from a fixture's objects: lists in pages of `pageSize` with
/// GitHub's `Link` header, `404 No commit found` for commits it does not have, and faults queued
/// for a path (a rate limit, a 502), each answered once in place of the real answer.
final class GitHubServer: Sendable {
    let server: LoopbackServer
    private let faults: FaultQueue

    var baseURL: String { server.baseURL }
    var requests: [LoopbackServer.Request] { server.requests }

    /// `pulls` as `GET /pulls` lists them (without `merged_by`), reviews and commits by number,
    /// and the pull requests of commits (`GET /commits/{sha}/pulls`).
    init(pulls: [[String: Any]], reviews: [Int: [[String: Any]]], commits: [Int: [[String: Any]]], commitPulls: [String: [[String: Any]]] = [:],
         pageSize: Int = 2, repository: String = "example/billing") throws {
        func encoded(_ objects: [[String: Any]]) throws -> [String] { try objects.map { try json($0) } }
        var routes: [String: [String]] = ["/repos/\(repository)/pulls": try encoded(pulls)]
        for (number, list) in reviews { routes["/repos/\(repository)/pulls/\(number)/reviews"] = try encoded(list) }
        for (number, list) in commits { routes["/repos/\(repository)/pulls/\(number)/commits"] = try encoded(list) }
        for (sha, list) in commitPulls { routes["/repos/\(repository)/commits/\(sha)/pulls"] = try encoded(list) }
        let faults = FaultQueue()
        self.faults = faults
        let frozen = routes
        server = try LoopbackServer { [routes = frozen] request in
            let (path, query) = GitHubServer.split(request.path)
            if let fault = faults.take(path, page: query["page"]) { return fault }
            let page = query["page"].flatMap(Int.init) ?? 1
            guard let elements = routes[path] else {
                if path.contains("/commits/") {
                    return .init(status: 404, body: #"{"message":"No commit found for SHA: \#(path.split(separator: "/").dropLast().last ?? "")","documentation_url":"https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit","status":"404"}"#)
                }
                return .init(status: 404, body: #"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#)
            }
            let pages = max(1, (elements.count + pageSize - 1) / pageSize)
            let slice = elements.dropFirst((page - 1) * pageSize).prefix(pageSize)
            var headers: [String: String] = [:]
            func link(_ number: Int) -> String {
                var parameters = query
                parameters["page"] = String(number)
                return "<http://\(request.headers["host"] ?? "127.0.0.1")\(path)?\(parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&"))>"
            }
            if page < pages { headers["Link"] = "\(link(page + 1)); rel=\"next\", \(link(pages)); rel=\"last\"" }
            headers["X-RateLimit-Limit"] = "5000"
            headers["X-RateLimit-Remaining"] = "4999"
            return .init(status: 200, headers: headers, body: "[" + slice.joined(separator: ",") + "]")
        }
    }

    /// Answers the next request for `path` (and `page`, when given) with `response` instead.
    func fail(_ path: String, page: Int? = nil, with response: LoopbackServer.Response) { faults.add(path, page: page, response) }

    /// GitHub's answer when the token's hourly quota is spent, until `reset` (epoch seconds).
    static func quotaSpent(reset: Int64) -> LoopbackServer.Response {
        .init(status: 403, headers: ["X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "0", "X-RateLimit-Used": "5000", "X-RateLimit-Reset": String(reset)],
              body: #"{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}"#)
    }

    /// GitHub's secondary rate limit: 429 with `Retry-After`.
    static func slowDown(seconds: Int) -> LoopbackServer.Response {
        .init(status: 429, headers: ["Retry-After": String(seconds)], body: #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}"#)
    }

    static let badGateway = LoopbackServer.Response(status: 502, body: #"{"message":"Server Error"}"#)

    static func split(_ target: String) -> (String, [String: String]) {
        let parts = target.split(separator: "?", maxSplits: 1)
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                query[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
        }
        return (String(parts[0]), query)
    }

    func stop() { server.stop() }
}

/// Responses queued for paths, each given once.
final class FaultQueue: Sendable {
    private let queued = Mutex<[String: [LoopbackServer.Response]]>([:])

    func add(_ path: String, page: Int?, _ response: LoopbackServer.Response) {
        queued.withLock { $0[path + (page.map { "#\($0)" } ?? ""), default: []].append(response) }
    }

    func take(_ path: String, page: String?) -> LoopbackServer.Response? {
        queued.withLock { queue in
            for key in [path + "#" + (page ?? "1"), path] where !(queue[key]?.isEmpty ?? true) { return queue[key]!.removeFirst() }
            return nil
        }
    }
}

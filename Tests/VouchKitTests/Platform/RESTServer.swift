import Foundation
import Synchronization

/// Answers like a platform's REST API from a fixture's objects: lists in pages of `pageSize`
/// with the platform's pagination headers, single objects by path, `notFound` for anything else,
/// and faults queued for a path (a rate limit, a 502), each answered once in place of the real answer.
final class RESTServer: Sendable {
    /// How a list says where its next page is.
    enum Pagination: Sendable {
        /// GitHub: `Link` with `rel="next"` and `rel="last"`.
        case github
        /// GitLab: `Link` (`prev`, `next`, `first`, `last`) and `x-page`, `x-next-page`,
        /// `x-per-page`, `x-prev-page`, `x-total`, `x-total-pages`.
        case gitlab
        /// GitLab's `x-` headers without `Link` (as some proxies in front of it leave them).
        case gitlabWithoutLink
    }

    let server: LoopbackServer
    private let faults: FaultQueue

    var baseURL: String { server.baseURL }
    var requests: [LoopbackServer.Request] { server.requests }

    init(lists: [String: [[String: Any]]], objects: [String: [String: Any]] = [:], pageSize: Int, pagination: Pagination,
         headers extra: [String: String] = [:], notFound: @escaping @Sendable (String) -> LoopbackServer.Response) throws {
        let listBodies = try lists.mapValues { try $0.map { try json($0) } }
        let objectBodies = try objects.mapValues { try json($0) }
        let faults = FaultQueue()
        self.faults = faults
        server = try LoopbackServer { request in
            let (path, query) = RESTServer.split(request.path)
            if let fault = faults.take(path, page: query["page"]) { return fault }
            if let body = objectBodies[path] { return .init(status: 200, headers: extra, body: body) }
            guard let elements = listBodies[path] else { return notFound(path) }
            let page = query["page"].flatMap(Int.init) ?? 1
            let perPage = pageSize
            let pages = max(1, (elements.count + perPage - 1) / perPage)
            let slice = elements.dropFirst((page - 1) * perPage).prefix(perPage)
            var headers = extra
            func link(_ number: Int, _ relation: String) -> String {
                var parameters = query
                parameters["page"] = String(number)
                return "<http://\(request.headers["host"] ?? "127.0.0.1")\(path)?\(parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&"))>; rel=\"\(relation)\""
            }
            switch pagination {
            case .github:
                if page < pages { headers["Link"] = [link(page + 1, "next"), link(pages, "last")].joined(separator: ", ") }
            case .gitlab, .gitlabWithoutLink:
                if pagination == .gitlab {
                    headers["Link"] = ((page > 1 ? [link(page - 1, "prev")] : []) + (page < pages ? [link(page + 1, "next")] : []) + [link(1, "first"), link(pages, "last")]).joined(separator: ", ")
                }
                headers["x-page"] = String(page)
                headers["x-per-page"] = String(perPage)
                headers["x-next-page"] = page < pages ? String(page + 1) : ""
                headers["x-prev-page"] = page > 1 ? String(page - 1) : ""
                headers["x-total"] = String(elements.count)
                headers["x-total-pages"] = String(pages)
            }
            return .init(status: 200, headers: headers, body: "[" + slice.joined(separator: ",") + "]")
        }
    }

    /// Answers the next request for `path` (and `page`, when given) with `response` instead.
    func fail(_ path: String, page: Int? = nil, with response: LoopbackServer.Response) { faults.add(path, page: page, response) }

    static let badGateway = LoopbackServer.Response(status: 502, body: #"{"message":"Server Error"}"#)

    /// A request target's path and query parameters.
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

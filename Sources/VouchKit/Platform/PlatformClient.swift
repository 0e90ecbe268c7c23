import AsyncHTTPClient
import Foundation
import Synchronization

/// A REST client for GitHub and GitLab: JSON over HTTPS with the token in a header, pages
/// followed through the `Link` header, rate limits waited out when short, server errors and
/// dropped connections retried with bounded backoff. Never prints: what it waits for is told to
/// `report`. The token is only ever put in a request header.
public final class PlatformClient: Sendable {
    public struct Settings: Sendable {
        public var baseURL: String
        /// The header that carries the token (`Authorization: Bearer …`, `PRIVATE-TOKEN`, `JOB-TOKEN`).
        public var authorization: (name: String, value: String)?
        /// Environment variables that may hold the token, named in messages.
        public var tokenVariables: String
        /// The longest rate-limit wait Vouch sits out; past it the command stops.
        public var longestWait: Int64 = 120
        /// Tries of one request through server errors and dropped connections.
        public var attempts = 5
        /// Tries of one request through timeouts and refused connections: each already waited, or
        /// says nothing listens there; one more try rides out a blip.
        public var unreachableAttempts = 2
        /// The first backoff, doubled at each retry.
        public var backoff: Double = 0.5
        /// Connections kept open to the host at a time: as many as requests are sent at a time
        /// (`--jobs`), so that none waits for a connection.
        public var connections = 8
        /// Seconds to connect, and to wait for each part of an answer.
        public var timeout: Int64 = 30
        public var environment: [String: String]

        public init(baseURL: String, authorization: (name: String, value: String)?, tokenVariables: String, environment: [String: String]) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.authorization = authorization
            self.tokenVariables = tokenVariables
            self.environment = environment
        }
    }

    /// One page of an answer.
    public struct Page: Sendable {
        public var body: [UInt8]
        /// The `rel="next"` URL of the `Link` header.
        public var next: String?
    }

    public let settings: Settings
    private let client: HTTPClient
    private let report: @Sendable (String) -> Void
    private let count = Atomic<Int>(0)
    private let host: String
    private let proxyURL: String?

    public init(_ settings: Settings, report: @escaping @Sendable (String) -> Void) throws {
        self.settings = settings
        self.report = report
        guard let url = URL(string: settings.baseURL), let host = url.host, let scheme = url.scheme, ["http", "https"].contains(scheme) else {
            throw PlatformError.missingSetting("'\(Redaction.url(settings.baseURL))' is not an http(s) URL of an API")
        }
        self.host = host
        var configuration = HTTPClient.Configuration()
        // The connection pool tries a refused or failed connection again until the connect
        // timeout: ten seconds at most, so that a wrong URL or a TLS failure is told soon.
        configuration.timeout = .init(connect: .seconds(min(settings.timeout, 10)), read: .seconds(settings.timeout))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, settings.connections))
        proxyURL = Self.proxy(for: host, scheme: scheme, environment: settings.environment)
        if let proxyURL {
            guard let proxy = URL(string: proxyURL.contains("://") ? proxyURL : "http://" + proxyURL), let proxyHost = proxy.host else {
                throw PlatformError.proxy(proxy: proxyURL, detail: "not a URL")
            }
            let port = proxy.port ?? (proxy.scheme == "https" ? 443 : 80)
            if let user = proxy.user {
                configuration.proxy = .server(host: proxyHost, port: port, authorization: .basic(username: user.removingPercentEncoding ?? user, password: proxy.password?.removingPercentEncoding ?? ""))
            } else {
                configuration.proxy = .server(host: proxyHost, port: port)
            }
        }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit { try? client.syncShutdown() }

    /// How many HTTP requests were sent.
    public var requestCount: Int { count.load(ordering: .relaxed) }

    /// The proxy for `host`: HTTPS_PROXY (or HTTP_PROXY for http), unless NO_PROXY names the host.
    static func proxy(for host: String, scheme: String, environment: [String: String]) -> String? {
        let names = scheme == "https" ? ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"] : ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
        guard let proxy = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        let excluded = (environment["NO_PROXY"] ?? environment["no_proxy"] ?? "").split(separator: ",").map { Text.trimmed($0).lowercased() }
        let name = host.lowercased()
        for entry in excluded where !entry.isEmpty {
            if entry == "*" { return nil }
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if name == domain || name.hasSuffix("." + domain) { return nil }
        }
        return proxy
    }

    /// `path` (below the base URL) or a full URL (a `Link` header's).
    func url(_ path: String) -> String { path.hasPrefix("http://") || path.hasPrefix("https://") ? path : settings.baseURL + path }

    /// One page, through rate limits, server errors and dropped connections.
    public func get(_ path: String) throws -> Page {
        let url = url(path)
        var failures = 0
        var waits = 0
        while true {
            var request = try HTTPClient.Request(url: url, method: .GET)
            request.headers.add(name: "Accept", value: "application/json")
            request.headers.add(name: "User-Agent", value: "vouch")
            if url.hasPrefix(settings.baseURL), let authorization = settings.authorization { request.headers.add(name: authorization.name, value: authorization.value) }
            count.add(1, ordering: .relaxed)
            let response: HTTPClient.Response
            do {
                response = try client.execute(request: request).wait()
            } catch {
                let problem = classify(error)
                failures += 1
                guard failures < problem.attempts else { throw problem.error }
                pause(after: failures, of: problem.attempts, because: problem.detail)
                continue
            }
            let status = Int(response.status.code)
            let body = response.body.map { Array($0.readableBytesView) } ?? []
            switch status {
            case 200..<300:
                return Page(body: body, next: Self.nextLink(response.headers.first(name: "Link")) ?? Self.nextPage(of: url, response.headers.first(name: "x-next-page")))
            case 403, 429:
                if let wait = rateLimitWait(response.headers.first(name: "Retry-After"), remaining: response.headers.first(name: "X-RateLimit-Remaining"),
                                            reset: response.headers.first(name: "X-RateLimit-Reset") ?? response.headers.first(name: "RateLimit-Reset")) {
                    let now = Int64(Date().timeIntervalSince1970)
                    guard wait <= settings.longestWait, waits < 3 else {
                        throw PlatformError.rateLimited(host: host, reset: Timestamp(seconds: now + wait))
                    }
                    waits += 1
                    report("\(host) rate-limits this token; waiting \(wait) s (until \(Timestamp(seconds: now + wait).utcISO8601)) before going on")
                    // The reset is a whole second: a little past it, the quota is back.
                    Thread.sleep(forTimeInterval: Double(max(wait, 0)) + 0.2)
                    continue
                }
                throw PlatformError.refused(url: url, status: status, message: Self.message(in: body))
            case 401:
                throw PlatformError.unauthorized(url: url, tokenVariables: settings.tokenVariables)
            case 404:
                throw PlatformError.notFound(url: url)
            case 500..<600:
                failures += 1
                guard failures < settings.attempts else { throw PlatformError.unavailable(url: url, detail: "it answered \(status) \(failures) times") }
                pause(after: failures, of: settings.attempts, because: "\(host) answered \(status)")
            default:
                throw PlatformError.refused(url: url, status: status, message: Self.message(in: body))
            }
        }
    }

    /// Every page of a list, each decoded as an array, in order.
    public func list<Element: Decodable>(_ path: String, of type: Element.Type) throws -> [Element] {
        var elements: [Element] = []
        var next: String? = path
        while let current = next {
            let page = try get(current)
            elements += try decode([Element].self, page.body, url: current)
            next = page.next
        }
        return elements
    }

    /// One page of a list, decoded as an array, and the next page's URL.
    public func page<Element: Decodable>(_ path: String, of type: Element.Type) throws -> (elements: [Element], next: String?) {
        let page = try get(path)
        return (try decode([Element].self, page.body, url: path), page.next)
    }

    public func object<Value: Decodable>(_ path: String, as type: Value.Type) throws -> Value {
        try decode(Value.self, try get(path).body, url: path)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ body: [UInt8], url: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(body))
        } catch {
            throw PlatformError.malformed(url: self.url(url), detail: "\(error)".prefix(200).description)
        }
    }

    private func pause(after failures: Int, of attempts: Int, because detail: String) {
        let delay = settings.backoff * pow(2, Double(failures - 1))
        report("\(Redaction.text(detail)); retrying in \(String(format: "%.1f", delay)) s (try \(failures + 1) of \(attempts))")
        Thread.sleep(forTimeInterval: delay)
    }

    /// How long a 403 or 429 asks to wait: `Retry-After` seconds, or until `X-RateLimit-Reset`
    /// (epoch seconds) when `X-RateLimit-Remaining` is 0. Nil: not a rate limit.
    func rateLimitWait(_ retryAfter: String?, remaining: String?, reset: String?) -> Int64? {
        if let retryAfter, let seconds = Int64(Text.trimmed(retryAfter)) { return max(seconds, 0) }
        if remaining.map({ Text.trimmed($0) == "0" }) ?? false, let reset, let epoch = Int64(Text.trimmed(reset)) {
            return max(epoch - Int64(Date().timeIntervalSince1970), 0)
        }
        return nil
    }

    /// What a failed request means, and how many tries it is worth in all.
    private func classify(_ error: any Error) -> (attempts: Int, error: PlatformError, detail: String) {
        let kind = String(reflecting: type(of: error))
        let text = "\(error)"
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .readTimeout, .deadlineExceeded, .tlsHandshakeTimeout:
                return (settings.unreachableAttempts, .timeout(host: host, seconds: settings.timeout, tries: settings.unreachableAttempts), "\(host) did not answer within \(settings.timeout) s")
            case .remoteConnectionClosed:
                return (settings.attempts, .unavailable(url: settings.baseURL, detail: "the connection was closed"), "\(host) closed the connection")
            case .proxyAuthenticationRequired, .invalidProxyResponse, .httpProxyHandshakeTimeout:
                return (1, .proxy(proxy: proxyURL ?? "", detail: "\(error)"), text)
            default:
                break
            }
        }
        if kind.contains("SSL") || text.contains("certificate") || text.contains("handshake") {
            return (1, .tls(host: host, detail: text), text)
        }
        let refused = text.lowercased().contains("connection refused") || text.contains("ECONNREFUSED") || text.contains("errno: 111")
        if refused, proxyURL != nil {
            return (1, .proxy(proxy: proxyURL ?? "", detail: "it refused the connection"), text)
        }
        if refused {
            return (settings.unreachableAttempts, .unreachable(host: hostAndPort, tries: settings.unreachableAttempts), "\(hostAndPort) refused the connection")
        }
        // Resets and dropped connections: worth more tries.
        return (settings.attempts, .unavailable(url: settings.baseURL, detail: text), "the connection to \(host) failed (\(text))")
    }

    /// The API's host and port, as a message names them.
    private var hostAndPort: String {
        guard let url = URL(string: settings.baseURL) else { return host }
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// The `rel="next"` URL of a `Link` header: `<https://…?page=2>; rel="next", <…>; rel="last"`.
    static func nextLink(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { Text.trimmed($0) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">"),
                  pieces.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "") == "rel=\"next\"" }) else { continue }
            return String(target.dropFirst().dropLast())
        }
        return nil
    }

    /// GitLab's `x-next-page` (the next page's number; empty on the last page) as the URL of that
    /// page, for answers without a `Link` header.
    static func nextPage(of url: String, _ header: String?) -> String? {
        guard let header, let page = Int(Text.trimmed(header)), page > 1, var components = URLComponents(string: url) else { return nil }
        var items = (components.queryItems ?? []).filter { $0.name != "page" }
        items.append(URLQueryItem(name: "page", value: String(page)))
        components.queryItems = items
        return components.string
    }

    private static func message(in body: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return "" }
        return (object["message"] as? String) ?? (object["error"] as? String) ?? ""
    }

    /// `transform` of each index, `limit` at a time on threads of their own (the requests wait on
    /// the network, not the CPU).
    public static func concurrently<Value: Sendable>(_ count: Int, limit: Int, _ transform: @escaping @Sendable (Int) -> Value) -> [Value] {
        WorkerThread.map(count, threads: max(1, limit), transform)
    }
}

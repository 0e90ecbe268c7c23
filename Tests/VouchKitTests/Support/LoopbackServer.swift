import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 (a port the system picks) for tests: each connection on a
/// thread of its own, one request per connection, answered by `respond`. It keeps every request
/// it received, for tests that look at what the client sent. For faults below HTTP it can instead
/// greet each connection with fixed bytes and close it, or read and never answer.
final class LoopbackServer: Sendable {
    struct Request: Sendable {
        var path: String
        var headers: [String: String]
    }

    struct Response: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String = ""
    }

    /// What each connection gets.
    enum Behaviour: Sendable {
        case http(@Sendable (Request) -> Response)
        /// These bytes at once, then the connection closed (what a plain HTTP server sends a TLS client).
        case greet(String)
        /// Nothing, until the client gives up.
        case silent
    }

    let port: Int
    private let socket: Int32
    private let behaviour: Behaviour
    private let received = Mutex<[Request]>([])
    private let load = Mutex(Load())

    /// Requests being answered now, the most at any one time, and how long each answer waits.
    private struct Load {
        var open = 0
        var most = 0
        var latency: Duration = .zero
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [Request] { received.withLock { $0 } }
    /// The most requests the server was answering at one time: how many a client sends at once.
    var mostAtOnce: Int { load.withLock { $0.most } }

    /// Holds each answer back by `latency`, as a distant server would, so requests a client sends
    /// at once overlap here.
    func answer(after latency: Duration) { load.withLock { $0.latency = latency } }

    convenience init(_ respond: @escaping @Sendable (Request) -> Response) throws {
        try self.init(behaviour: .http(respond))
    }

    init(behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError(message: "socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 64) == 0 else { throw FixtureError(message: "bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        socket = fd
        let server = self
        Thread { server.acceptLoop() }.start()
    }

    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { return }
            let server = self
            Thread { server.serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        let respond: @Sendable (Request) -> Response
        switch behaviour {
        case .http(let answer): respond = answer
        case .greet(let text):
            send(Array(text.utf8), to: connection)
            return
        case .silent:
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(connection, &buffer, buffer.count) > 0 {}
            return
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var lines: [String] = []
        var parts: [Substring] = []
        // As a proxy: `CONNECT host:port` is answered 200, and the tunnel's request answered here.
        repeat {
            bytes = []
            while !bytes.ends(with: [13, 10, 13, 10]) {
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else { return }
                bytes += buffer[0..<count]
            }
            lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
            parts = lines[0].split(separator: " ")
            guard parts.count >= 2 else { return }
            if parts[0] == "CONNECT" {
                received.withLock { $0.append(Request(path: "CONNECT " + parts[1], headers: [:])) }
                send(Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8), to: connection)
            }
        } while parts[0] == "CONNECT"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(path: String(parts[1]), headers: headers)
        received.withLock { $0.append(request) }
        let latency = load.withLock { load in
            load.open += 1
            load.most = max(load.most, load.open)
            return load.latency
        }
        if latency > .zero { Thread.sleep(forTimeInterval: Double(latency.components.seconds) + Double(latency.components.attoseconds) / 1e18) }
        let response = respond(request)
        // Counted out before the answer leaves: the client can send its next request only once
        // this one is answered, and that request must not meet this one still counted.
        load.withLock { $0.open -= 1 }
        let body = Array(response.body.utf8)
        var head = "HTTP/1.1 \(response.status) \(response.status < 400 ? "OK" : "Error")\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        send(Array((head + "\r\n").utf8) + body, to: connection)
    }

    private func send(_ all: [UInt8], to connection: Int32) {
        var sent = 0
        while sent < all.count {
            let count = all[sent...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}

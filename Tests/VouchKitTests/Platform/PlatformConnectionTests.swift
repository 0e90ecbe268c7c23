import Foundation
import Testing
import VouchKit

/// Faults below HTTP: each stops the command with exit 2 and a message that says what failed,
/// with neither the token nor the credentials of a URL in any output.
@Suite struct PlatformConnectionTests {
    static let token = "ghp_connectionTestToken987654"
    static let urlSecret = "urlPassword4242"

    func run(_ arguments: [String], api: String, _ extra: [String: String] = [:]) throws -> (TestSupport.ProcessResult, EvidenceFixture) {
        let fixture = try EvidenceFixture()
        try fixture.git.commit("Add rates (#1)\n", files: ["src/rates.swift": "r\n"], author: People.bob, date: "2026-02-02T12:00:00+00:00")
        let environment = ["GITHUB_API_URL": api, "GITHUB_TOKEN": Self.token, "GITHUB_REPOSITORY": "example/billing",
                           "HTTPS_PROXY": "", "HTTP_PROXY": "", "http_proxy": "", "https_proxy": "", "ALL_PROXY": "", "all_proxy": "", "NO_PROXY": "", "no_proxy": ""]
        let result = try TestSupport.vouch(["github", "import"] + arguments, in: fixture.url, environment: environment.merging(extra) { $1 })
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(Self.token))
            #expect(!text.contains(Self.urlSecret))
        }
        // Nothing was fetched, so nothing is written.
        #expect((try? fixture.run(["rev-parse", "--verify", "-q", "refs/notes/vouch"])) == nil)
        return (result, fixture)
    }

    /// A port nothing listens on (a server's, once stopped).
    func closedPort() throws -> Int {
        let server = try LoopbackServer { _ in .init(status: 200) }
        server.stop()
        return server.port
    }

    @Test func aRefusedConnectionIsNamedWithoutTheURLsCredentials() throws {
        let port = try closedPort()
        let (result, _) = try run(["--timeout", "1"], api: "http://x-access-token:\(Self.urlSecret)@127.0.0.1:\(port)")
        #expect(result.status == 2)
        #expect(result.stderr.contains("127.0.0.1:\(port) refused the connection (2 tries): nothing answers there; check the API URL"), "\(result.stderr)")
        #expect(result.stderr.contains("retrying in 0.5 s (try 2 of 2)"))
    }

    @Test func aTLSFailureSaysSo() throws {
        // A plain HTTP server's answer to a TLS client's hello.
        let server = try LoopbackServer(behaviour: .greet("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
        defer { server.stop() }
        let (result, _) = try run(["--timeout", "2"], api: "https://user:\(Self.urlSecret)@127.0.0.1:\(server.port)/api/v3")
        #expect(result.status == 2)
        #expect(result.stderr.contains("the TLS connection to 127.0.0.1 failed"), "\(result.stderr)")
        #expect(result.stderr.contains("trust store"))
        // Not worth another try.
        #expect(!result.stderr.contains("retrying"))
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try LoopbackServer(behaviour: .silent)
        defer { server.stop() }
        let started = Date()
        let (result, _) = try run(["--timeout", "1"], api: "http://127.0.0.1:\(server.port)")
        #expect(result.status == 2)
        #expect(result.stderr.contains("127.0.0.1 did not answer within 1 s (2 tries); check the network, HTTPS_PROXY and NO_PROXY, or allow longer with --timeout"), "\(result.stderr)")
        // Two tries of a second each and half a second between them, not the default 30 s.
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func aProxyThatRefusesIsNamedWithoutItsCredentials() throws {
        let port = try closedPort()
        let (result, _) = try run(["--timeout", "1"], api: "https://api.github.example", ["HTTPS_PROXY": "http://proxyuser:\(Self.urlSecret)@127.0.0.1:\(port)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the proxy http://127.0.0.1:\(port) failed: it refused the connection; check HTTPS_PROXY and NO_PROXY"), "\(result.stderr)")
        #expect(!result.stderr.contains("proxyuser"))
    }

    @Test func requestsGoThroughTheProxyUnlessNoProxyNamesTheHost() throws {
        // The proxy answers every request with an empty list; it sees absolute URLs.
        let proxy = try LoopbackServer { _ in .init(status: 200, body: "[]") }
        defer { proxy.stop() }
        let (through, _) = try run([], api: "http://api.github.example", ["HTTP_PROXY": proxy.baseURL, "NO_PROXY": "localhost,.internal.example"])
        #expect(through.status == 0, "\(through.stderr)")
        #expect(proxy.requests.map(\.path).prefix(2) == ["CONNECT api.github.example:80", "/repos/example/billing/pulls?state=closed&base=main&sort=updated&direction=desc&per_page=100"])
        #expect(proxy.requests.last?.headers["host"] == "api.github.example")

        let api = try GitHubServer.start(pulls: [], reviews: [:], commits: [:])
        defer { api.stop() }
        let refusing = try closedPort()
        let (bypassed, fixture) = try run([], api: api.baseURL, ["HTTP_PROXY": "http://127.0.0.1:\(refusing)", "NO_PROXY": "example.com,127.0.0.1"])
        // Straight to the API, which answered: no proxy was tried.
        #expect(bypassed.status == 0, "\(bypassed.stderr)")
        // The pull requests, then those of the change whose subject says (#1).
        #expect(api.requests.map { RESTServer.split($0.path).0 } == ["/repos/example/billing/pulls", "/repos/example/billing/commits/\(try fixture.head())/pulls"])
    }
}

import Foundation
import Testing
import VouchKit

/// `vouch github import|record` against a loopback server that answers like GitHub.
@Suite struct PlatformOnlineTests {
    static let token = "ghp_loopbackTestToken0123456789"

    static func server(_ fixture: PlatformFixture) throws -> RESTServer {
        var pulls: [[String: Any]] = []
        var full: [Int: [String: Any]] = [:], reviews: [Int: [[String: Any]]] = [:], commits: [Int: [[String: Any]]] = [:]
        for entry in fixture.entries {
            var listed = entry.pull
            // The list endpoint leaves these out.
            for key in ["merged", "merged_by", "mergeable", "rebaseable", "mergeable_state", "comments", "review_comments", "maintainer_can_modify", "commits", "additions", "deletions", "changed_files"] { listed[key] = nil }
            pulls.append(listed)
            let number = entry.pull["number"] as! Int
            full[number] = entry.pull
            reviews[number] = entry.reviews
            commits[number] = entry.commits
        }
        return try GitHubServer.start(pulls: pulls.reversed(), full: full, reviews: reviews, commits: commits)
    }

    func environment(_ server: RESTServer) -> [String: String] {
        // What GitHub Actions sets (of what Vouch reads), with the API on `server`.
        ["CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_SERVER_URL": "https://github.com",
         "GITHUB_API_URL": server.baseURL, "GITHUB_TOKEN": Self.token, "GITHUB_REPOSITORY": "example/billing", "GITHUB_REF": "refs/pull/1/merge",
         "HTTPS_PROXY": "", "HTTP_PROXY": "", "http_proxy": "", "https_proxy": ""]
    }

    func noteTexts(_ fixture: PlatformFixture) throws -> String {
        try fixture.evidence.run(["log", "-p", "refs/notes/vouch"])
    }

    /// A page's pull requests are fetched while the next page is still to come: here the second
    /// page is rate-limited for a second, and both pull requests of the first are fetched meanwhile.
    @Test func fetchesAPagesPullRequestsWhileTheNextPageComes() throws {
        let fixture = try PlatformFixture()
        let server = try Self.server(fixture)
        defer { server.stop() }
        server.fail("/repos/example/billing/pulls", page: 2, with: GitHubServer.slowDown(seconds: 1))

        let result = try TestSupport.vouch(["github", "import", "--jobs", "2"], in: fixture.evidence.url, environment: environment(server))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 of 5 merged pull requests matched to 5 changes of main"))
        let paths = server.requests.map(\.path)
        let pages = paths.indices.filter { paths[$0].hasPrefix("/repos/example/billing/pulls?") }
        try #require(pages.count == 4)
        // Page 1, page 2 (429), then page 2 again after the wait: the first page's two pull
        // requests were fetched before that.
        let meanwhile = paths[pages[0]..<pages[2]].filter { $0.hasSuffix("/reviews?per_page=100") || $0.hasSuffix("/commits?per_page=100") }
        #expect(meanwhile.count == 4, "\(paths)")
    }

    /// `--jobs` is how many requests are sent at once, the list's pages among them: never more,
    /// and all of them while there is work for each (every answer here takes 100 ms).
    @Test(arguments: [1, 3]) func jobsIsHowManyRequestsAreSentAtOnce(jobs: Int) throws {
        let fixture = try PlatformFixture()
        let server = try Self.server(fixture)
        defer { server.stop() }
        server.server.answer(after: .milliseconds(100))

        let result = try TestSupport.vouch(["github", "import", "--jobs", String(jobs)], in: fixture.evidence.url, environment: environment(server))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 of 5 merged pull requests matched to 5 changes of main"))
        #expect(server.server.mostAtOnce == jobs, "\(server.server.mostAtOnce) at once with --jobs \(jobs)")
    }

    @Test func importsThroughPagesRateLimitsAndServerErrors() throws {
        let fixture = try PlatformFixture()
        let server = try Self.server(fixture)
        defer { server.stop() }
        server.fail("/repos/example/billing/pulls", page: 2, with: GitHubServer.slowDown(seconds: 1))
        server.fail("/repos/example/billing/pulls/2/reviews", with: RESTServer.badGateway)

        let result = try TestSupport.vouch(["github", "import"], in: fixture.evidence.url, environment: environment(server))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("rate-limits this token; waiting 1 s"))
        #expect(result.stderr.contains("answered 502; retrying in"))
        #expect(result.stdout.contains("4 of 5 merged pull requests matched to 5 changes of main"))
        #expect(result.stdout.contains("1 change no pull request landed noted as direct push"))
        // 3 pages of pulls (one answered 429 first), reviews and commits of 5 pull requests (one 502),
        // and the direct push's pull requests (404: no such commit on GitHub).
        let paths = server.requests.map(\.path)
        #expect(paths.filter { $0.hasPrefix("/repos/example/billing/pulls?") }.count == 4)
        #expect(paths.contains { $0.hasPrefix("/repos/example/billing/commits/\(fixture.direct)/pulls") })
        #expect(result.stdout.contains("\(paths.count) requests to http://127.0.0.1:"))
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })

        let population = try fixture.evidence.population()
        #expect(try population.change(fixture.squash).independentApprovers.map(\.name) == ["Dana Reyes", "Carol Checker"])
        #expect(try population.change(fixture.merge).exceptionIDs == ["change-approval-stale"])
        #expect(try population.change(fixture.direct).exceptionIDs == ["change-unreviewed", "change-review-unmatched"])
        for text in [result.stdout, result.stderr, try noteTexts(fixture)] { #expect(!text.contains(Self.token)) }
        // The list leaves merged_by out: each merged pull request is read once more, in full.
        let note = try fixture.evidence.run(["notes", "--ref", "vouch", "show", fixture.squash])
        #expect(note.contains("Merged-by: carol at 2026-02-02T12:00:00Z"))
        for number in 1...5 { #expect(paths.filter { RESTServer.split($0).0 == "/repos/example/billing/pulls/\(number)" }.count == 1, "#\(number)") }
        #expect(try population.change(fixture.squash).review?.mergedBy == "carol")
    }

    @Test func aLongRateLimitStopsKeepingWhatWasFetched() throws {
        let fixture = try PlatformFixture()
        let server = try Self.server(fixture)
        defer { server.stop() }
        let reset = Int64(Date().timeIntervalSince1970) + 7200
        server.fail("/repos/example/billing/pulls/3/commits", with: GitHubServer.quotaSpent(reset: reset))

        // One at a time, newest first: #5 and #4 are fetched, #3 is stopped by the quota.
        let stopped = try TestSupport.vouch(["github", "import", "--jobs", "1"], in: fixture.evidence.url, environment: environment(server))
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("rate-limits this token until \(Timestamp(seconds: reset).utcISO8601)"))
        // What was fetched before is recorded; no direct push is marked from a partial run.
        let partial = try noteTexts(fixture)
        #expect(partial.contains("Pull-request: https://github.com/example/billing/pull/4"))
        #expect(!partial.contains("Pull-request: https://github.com/example/billing/pull/1"))
        #expect(!partial.contains("Pull-request: none"))

        let resumed = try TestSupport.vouch(["github", "import"], in: fixture.evidence.url, environment: environment(server))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try fixture.evidence.run(["rev-list", "--count", "refs/notes/vouch"]) == "3")
        #expect(try fixture.evidence.population().change(fixture.rebased[0]).exceptionIDs == ["change-self-approved"])
        for text in [stopped.stdout, stopped.stderr, resumed.stdout, resumed.stderr, try noteTexts(fixture)] { #expect(!text.contains(Self.token)) }
    }

    @Test func recordWritesTheMergedPullRequestOfTheEvent() throws {
        let fixture = try PlatformFixture()
        let server = try Self.server(fixture)
        defer { server.stop() }
        let folder = fixture.evidence.url.deletingLastPathComponent()
        let opened = folder.appendingPathComponent("\(fixture.evidence.url.lastPathComponent)-opened.json")
        try Data(json(["action": "opened", "number": 1, "pull_request": fixture.entries[0].pull]).utf8).write(to: opened)
        let nothing = try TestSupport.vouch(["github", "record", "--event", opened.path], in: fixture.evidence.url, environment: environment(server))
        #expect(nothing.status == 0 && nothing.stdout.contains("Nothing to record"))
        #expect(server.requests.isEmpty)

        let closed = folder.appendingPathComponent("\(fixture.evidence.url.lastPathComponent)-closed.json")
        try Data(json(["action": "closed", "number": 1, "pull_request": fixture.entries[0].pull,
                       "repository": ["full_name": "example/billing"]]).utf8).write(to: closed)
        var environment = environment(server)
        environment["GITHUB_EVENT_PATH"] = closed.path
        let recorded = try TestSupport.vouch(["github", "record"], in: fixture.evidence.url, environment: environment)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(server.requests.map { RESTServer.split($0.path).0 } == ["/repos/example/billing/pulls/1/reviews", "/repos/example/billing/pulls/1/commits"])
        let note = try fixture.evidence.run(["notes", "--ref", "vouch", "show", fixture.squash])
        #expect(note.contains("Merged-by: carol at 2026-02-02T12:00:00Z"))
        let again = try TestSupport.vouch(["github", "record"], in: fixture.evidence.url, environment: environment)
        #expect(again.status == 0 && again.stdout.contains("is unchanged"))
        #expect(try fixture.evidence.run(["rev-list", "--count", "refs/notes/vouch"]) == "2")
        for text in [recorded.stdout, recorded.stderr, note] { #expect(!text.contains(Self.token)) }
    }

    @Test func originsOwnerAndNameWithoutCredentials() {
        #expect(RemotePath.of("https://x-access-token:ghs_secret@github.com/example/billing.git") == "example/billing")
        #expect(RemotePath.of("git@github.com:example/billing.git") == "example/billing")
        #expect(RemotePath.of("ssh://git@gitlab.example.com/group/sub/project") == "group/sub/project")
        #expect(RemotePath.of("/srv/git/billing.git") == nil)
    }
}

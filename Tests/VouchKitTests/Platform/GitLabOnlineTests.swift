import Foundation
import Testing
import VouchKit

/// `vouch gitlab import|record` against a loopback server that answers like GitLab.
@Suite struct GitLabOnlineTests {
    static let token = "glpat-loopbackTestToken01234"
    static let jobToken = "glcbt-loopbackJobToken56789"

    /// What a job of GitLab CI has in its environment (of what Vouch reads), with the API on `server`.
    func environment(_ server: RESTServer, _ extra: [String: String] = [:]) -> [String: String] {
        ["CI": "true", "GITLAB_CI": "true", "CI_API_V4_URL": server.baseURL + "/api/v4", "CI_SERVER_URL": server.baseURL, "CI_PROJECT_ID": "3",
         "CI_PROJECT_PATH": "example/billing", "CI_DEFAULT_BRANCH": "main", "GITLAB_TOKEN": Self.token,
         "HTTPS_PROXY": "", "HTTP_PROXY": "", "http_proxy": "", "https_proxy": "", "GITLAB_API_URL": "", "CI_JOB_TOKEN": "", "CI_MERGE_REQUEST_IID": "", "CI_COMMIT_SHA": ""]
            .merging(extra) { $1 }
    }

    func paths(_ server: RESTServer) -> [String] { server.requests.map { RESTServer.split($0.path).0 } }

    @Test func importsThroughPagesRateLimitsAndServerErrors() throws {
        let fixture = try GitLabFixture()
        let server = try GitLabServer.start(fixture)
        defer { server.stop() }
        server.fail("\(GitLabServer.project)/merge_requests", page: 2, with: GitLabServer.rateLimited(seconds: 1))
        server.fail("\(GitLabServer.project)/merge_requests/2/approvals", with: RESTServer.badGateway)

        let result = try TestSupport.vouch(["gitlab", "import"], in: fixture.evidence.url, environment: environment(server))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("rate-limits this token; waiting 1 s"))
        #expect(result.stderr.contains("answered 502; retrying in"))
        #expect(result.stdout.contains("2 of 2 merged merge requests matched to 2 changes of main"))
        try GitLabImportTests.expectRecorded(fixture)

        // Two pages of merge requests (the second answered 429 first), the approvals of each (one 502
        // first) and two pages of !2's commits, every one with the token as PRIVATE-TOKEN.
        let lists = server.requests.filter { RESTServer.split($0.path).0 == "\(GitLabServer.project)/merge_requests" }
        #expect(lists.count == 3)
        #expect(lists.allSatisfy { RESTServer.split($0.path).1["state"] == "merged" && RESTServer.split($0.path).1["target_branch"] == "main" })
        #expect(paths(server).filter { $0 == "\(GitLabServer.project)/merge_requests/2/approvals" }.count == 2)
        #expect(paths(server).filter { $0 == "\(GitLabServer.project)/merge_requests/2/commits" }.count == 2)
        #expect(server.requests.allSatisfy { $0.headers["private-token"] == Self.token && $0.headers["authorization"] == nil })
        #expect(result.stdout.contains("\(server.requests.count) requests to http://127.0.0.1:"))
        for text in [result.stdout, result.stderr, try fixture.evidence.run(["log", "-p", "refs/notes/vouch"])] { #expect(!text.contains(Self.token)) }
    }

    /// Without a `Link` header, `x-next-page` leads to the next page; an empty one ends the list.
    @Test func followsNextPageHeadersWithoutLink() throws {
        let fixture = try GitLabFixture()
        let server = try GitLabServer.start(fixture, pagination: .gitlabWithoutLink)
        defer { server.stop() }
        let result = try TestSupport.vouch(["gitlab", "import", "--jobs", "1"], in: fixture.evidence.url, environment: environment(server))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 of 2 merged merge requests matched to 2 changes of main"))
        let pages = server.requests.map { RESTServer.split($0.path) }.filter { $0.0 == "\(GitLabServer.project)/merge_requests/2/commits" }.map { $0.1["page"] ?? "1" }
        #expect(pages == ["1", "2"])
        try GitLabImportTests.expectRecorded(fixture)
    }

    /// A first-parent change that no listed merged merge request claims is looked up by its
    /// commit: a commit whose merge requests were not merged stays a direct push; a merge request
    /// GitLab merged into the branch is recorded with its approvals.
    @Test func looksUpTheMergeRequestsOfUnclaimedCommits() throws {
        func hotfix(merged: Bool) -> [String: Any] {
            let request = GitLabREST.mergeRequest(9, title: "Hotfix", author: GitLabFixture.bob, sha: fixtureHead, mergedAt: "2026-02-02T18:00:00.000Z",
                                                  mergeCommit: nil, squashCommit: nil, squash: false, mergedBy: GitLabFixture.carol)
            return merged ? request : request.merging(["state": "closed", "merged_at": NSNull(), "merged_by": NSNull(), "merge_user": NSNull()]) { $1 }
        }
        for merged in [false, true] {
            let fixture = try GitLabFixture()
            let request = hotfix(merged: merged).merging(["merge_commit_sha": fixture.direct]) { $1 }
            let unlisted = [(mergeRequest: request, approvals: GitLabREST.approvals(9, approvedBy: [("carol", 21, "Carol Checker", "2026-02-02T17:00:00.000Z")]),
                             commits: [GitLabREST.commit(fixtureHead, title: "Hotfix", author: People.bob, date: "2026-02-02T16:00:00.000Z")])]
            let server = try GitLabServer.start(fixture, landing: [fixture.direct: [request]], unlisted: unlisted)
            defer { server.stop() }

            let result = try TestSupport.vouch(["gitlab", "import"], in: fixture.evidence.url, environment: environment(server))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(paths(server).filter { $0.hasPrefix("\(GitLabServer.project)/repository/commits/") } == ["\(GitLabServer.project)/repository/commits/\(fixture.direct)/merge_requests"])
            let note = try fixture.evidence.run(["notes", "--ref", "vouch", "show", fixture.direct])
            let direct = try fixture.evidence.population().change(fixture.direct)
            if merged {
                #expect(result.stdout.contains("3 of 3 merged merge requests matched to 3 changes of main"), "\(result.stdout)")
                #expect(paths(server).filter { $0 == "\(GitLabServer.project)/merge_requests/9/approvals" }.count == 1)
                #expect(note.contains("Pull-request: https://gitlab.example.com/example/billing/-/merge_requests/9\n"))
                #expect(direct.exceptions.isEmpty, "\(direct.exceptionIDs)")
                #expect(direct.approvals.map(\.identity.name) == ["Carol Checker"])
            } else {
                #expect(result.stdout.contains("2 of 2 merged merge requests matched to 2 changes of main; 1 change no merge request landed noted as direct push"), "\(result.stdout)")
                #expect(paths(server).filter { $0 == "\(GitLabServer.project)/merge_requests/9/approvals" }.isEmpty)
                #expect(note.contains("Pull-request: none"))
                #expect(direct.exceptionIDs == ["change-unreviewed"])
            }
        }
    }

    static let fixtureHead = "e9e9e9e9e9e9e9e9e9e9e9e9e9e9e9e9e9e9e9e9"
    var fixtureHead: String { Self.fixtureHead }

    /// In the pipeline of the target branch after the merge: the merge request of `CI_COMMIT_SHA`,
    /// with CI's job token; in a merge request pipeline before the merge: nothing.
    @Test func recordsTheMergeRequestOfThePipeline() throws {
        let fixture = try GitLabFixture()
        let merged = fixture.entries[1].mergeRequest
        let open = GitLabREST.mergeRequest(4, title: "Open", author: GitLabFixture.bob, sha: "e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4", mergedAt: "2026-02-04T12:00:00.000Z",
                                           mergeCommit: nil, squashCommit: nil, squash: false, mergedBy: GitLabFixture.carol)
            .merging(["state": "opened", "merged_at": NSNull(), "merged_by": NSNull(), "merge_user": NSNull()]) { $1 }
        let server = try GitLabServer.start(fixture, extra: [open], landing: [fixture.merge: [merged]])
        defer { server.stop() }

        let before = try TestSupport.vouch(["gitlab", "record"], in: fixture.evidence.url,
                                           environment: environment(server, ["CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_IID": "4", "GITLAB_TOKEN": "", "CI_JOB_TOKEN": Self.jobToken]))
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("Nothing to record: no merged merge request (!4 is opened)"))
        #expect((try? fixture.evidence.run(["rev-parse", "--verify", "-q", "refs/notes/vouch"])) == nil)

        let pipeline = environment(server, ["CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_NAME": "main", "CI_COMMIT_SHA": fixture.merge,
                                            "GITLAB_TOKEN": "", "CI_JOB_TOKEN": Self.jobToken])
        let recorded = try TestSupport.vouch(["gitlab", "record"], in: fixture.evidence.url, environment: pipeline)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("1 of 1 merged merge request matched to 1 change of main"))
        let note = try fixture.evidence.run(["notes", "--ref", "vouch", "show", fixture.merge])
        #expect(note.contains("Pull-request: https://gitlab.example.com/example/billing/-/merge_requests/2\n"))
        #expect(note.contains("Merged-by: carol at 2026-02-03T12:00:00Z"))
        #expect(try fixture.evidence.population().change(fixture.merge).exceptionIDs == ["change-self-approved"])
        #expect((try? fixture.evidence.run(["notes", "--ref", "vouch", "list", fixture.squash])) == nil)
        // The merge request of the commit, its approvals, and its commits in two pages.
        #expect(Array(paths(server).suffix(4)) == ["\(GitLabServer.project)/repository/commits/\(fixture.merge)/merge_requests",
                                                  "\(GitLabServer.project)/merge_requests/2/approvals", "\(GitLabServer.project)/merge_requests/2/commits",
                                                  "\(GitLabServer.project)/merge_requests/2/commits"])
        #expect(server.requests.allSatisfy { $0.headers["job-token"] == Self.jobToken && $0.headers["private-token"] == nil })

        let again = try TestSupport.vouch(["gitlab", "record"], in: fixture.evidence.url, environment: pipeline)
        #expect(again.status == 0 && again.stdout.contains("is unchanged"))
        #expect(try fixture.evidence.run(["rev-list", "--count", "refs/notes/vouch"]) == "1")
        for text in [before.stdout, before.stderr, recorded.stdout, recorded.stderr, again.stdout, note] { #expect(!text.contains(Self.jobToken)) }
    }
}

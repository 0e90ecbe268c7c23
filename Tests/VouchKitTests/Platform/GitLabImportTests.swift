import Foundation
import Testing
import VouchKit

@Suite struct GitLabImportTests {
    /// A squash without a merge commit (fast-forward), a merge commit approved only by its author,
    /// and between them a direct push that says it came from a merge request.
    @Test func importsMergeRequestsAndTheEvidenceCountsThem() throws {
        let fixture = try GitLabFixture()
        let file = try fixture.fromFile()
        let imported = try fixture.evidence.vouch(["gitlab", "import", "--from", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 of 2 merged merge requests matched to 2 changes of main"))
        try GitLabImportTests.expectRecorded(fixture)

        let tip = try fixture.evidence.run(["rev-parse", "refs/notes/vouch"])
        #expect(try fixture.evidence.vouch(["gitlab", "import", "--from", file]).status == 0)
        #expect(try fixture.evidence.run(["rev-parse", "refs/notes/vouch"]) == tip)
    }

    /// What the fixture's evidence says once both merge requests are recorded, however they were fetched.
    static func expectRecorded(_ fixture: GitLabFixture) throws {
        let note = try fixture.evidence.run(["notes", "--ref", "vouch", "show", fixture.squash])
        #expect(note.contains("Source: gitlab\nPull-request: https://gitlab.example.com/example/billing/-/merge_requests/1\nPull-request-author: bob\n"))
        #expect(note.contains("Approved-by: Carol Checker <21-carol@users.noreply.gitlab.com>\n"))

        let population = try fixture.evidence.population()
        let squashed = try population.change(fixture.squash)
        #expect(squashed.exceptions.isEmpty)
        #expect(squashed.approvals.map(\.identity) == [Identity(name: "Carol Checker", email: "carol@example.com")])
        #expect(squashed.approvals.first?.source == .gitlab && squashed.mechanism == .gitlab && squashed.reviewReference == "!1")
        #expect(try population.change(fixture.merge).exceptionIDs == ["change-self-approved"])
        #expect(try population.change(fixture.direct).exceptionIDs == ["change-unreviewed"])
    }
}

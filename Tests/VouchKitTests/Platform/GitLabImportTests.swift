import Foundation
import Testing
import VouchKit

@Suite struct GitLabImportTests {
    /// A squash without a merge commit (fast-forward), a merge commit approved only by its author,
    /// and between them a direct push that says it came from a merge request.
    @Test func importsMergeRequestsAndTheEvidenceCountsThem() throws {
        let fixture = try EvidenceFixture()
        let git = fixture.git
        try git.commit("Map accounts\n", files: [".mailmap": "Carol Checker <carol@example.com> <21-carol@users.noreply.gitlab.com>\n"], author: People.alice, date: "2026-02-01T09:00:00+00:00")
        let squash = try git.commit("Add rates\n", files: ["src/rates.swift": "r\n"], author: People.bob, date: "2026-02-02T12:00:00+00:00")
        let direct = try git.commit("Hotfix\n\nSee merge request example/billing!9\n", files: ["src/hotfix.swift": "h\n"], author: People.bob, date: "2026-02-02T18:00:00+00:00")
        let merge = try fixture.merge("Merge branch 'fix-tax' into 'main'\n\nFix tax\n\nSee merge request example/billing!2", topic: "fix-tax", file: "src/tax.swift", author: People.dana, date: "2026-02-03T12:00:00+00:00")
        let topic = try fixture.run(["rev-parse", "\(merge)^2"])

        let bob = ("bob", 22, "Bob Builder"), carol = ("carol", 21, "Carol Checker"), dana = ("dana", 23, "Dana Reyes")
        let lines = [
            try GitLabREST.line(
                mergeRequest: GitLabREST.mergeRequest(1, title: "Add rates", author: bob, sha: "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1", mergedAt: "2026-02-02T12:00:00.520Z",
                                                      mergeCommit: nil, squashCommit: squash, squash: true, mergedBy: carol),
                approvals: GitLabREST.approvals(1, approvedBy: [("carol", 21, "Carol Checker", "2026-02-02T11:00:00.000Z")]),
                commits: [GitLabREST.commit("c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1", title: "Add rates", author: People.bob, date: "2026-02-02T09:00:00.000Z")]),
            try GitLabREST.line(
                mergeRequest: GitLabREST.mergeRequest(2, title: "Fix tax", author: dana, sha: topic, mergedAt: "2026-02-03T12:00:00.000Z",
                                                      mergeCommit: merge, squashCommit: nil, squash: false, mergedBy: carol),
                approvals: GitLabREST.approvals(2, approvedBy: [("dana", 23, "Dana Reyes", "2026-02-03T11:00:00.000Z")]),
                commits: [GitLabREST.commit(topic, title: "Work on fix-tax", author: People.dana, date: "2026-02-03T12:00:00.000Z")]),
        ]
        let file = fixture.url.deletingLastPathComponent().appendingPathComponent("\(fixture.url.lastPathComponent)-mrs.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)

        let imported = try fixture.vouch(["gitlab", "import", "--from", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 of 2 merged merge requests matched to 2 changes of main"))
        let note = try fixture.run(["notes", "--ref", "vouch", "show", squash])
        #expect(note.contains("Source: gitlab\nPull-request: https://gitlab.example.com/example/billing/-/merge_requests/1\nPull-request-author: bob\n"))
        #expect(note.contains("Approved-by: Carol Checker <21-carol@users.noreply.gitlab.com>\n"))

        let population = try fixture.population()
        let squashed = try population.change(squash)
        #expect(squashed.exceptions.isEmpty)
        #expect(squashed.approvals.map(\.identity) == [Identity(name: "Carol Checker", email: "carol@example.com")])
        #expect(squashed.approvals.first?.source == .gitlab && squashed.mechanism == .gitlab && squashed.reviewReference == "!1")
        #expect(try population.change(merge).exceptionIDs == ["change-self-approved"])
        #expect(try population.change(direct).exceptionIDs == ["change-unreviewed"])

        let tip = try fixture.run(["rev-parse", "refs/notes/vouch"])
        #expect(try fixture.vouch(["gitlab", "import", "--from", file.path]).status == 0)
        #expect(try fixture.run(["rev-parse", "refs/notes/vouch"]) == tip)
    }
}

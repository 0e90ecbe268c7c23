import Foundation
import Testing
import VouchKit

@Suite struct PlatformImportTests {
    @Test func importsGitHubPullRequestsAndTheEvidenceCountsThem() throws {
        let fixture = try PlatformFixture()
        let from = try fixture.fromFile()
        let before = try fixture.evidence.population()
        #expect(try before.change(fixture.direct).exceptionIDs == ["change-approval-unrecorded"])

        let imported = try fixture.evidence.vouch(["github", "import", "--from", from])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("4 of 5 merged pull requests matched to 5 changes of main"))
        #expect(imported.stdout.contains("1 change no pull request landed noted as direct push"))
        #expect(imported.stderr.contains("pull/5 merged into main as \(fixture.unmatchedSHA)"))
        // One notes commit on top of dana's `vouch approve`.
        #expect(try fixture.evidence.run(["rev-list", "--count", "refs/notes/vouch"]) == "2")
        let note = try fixture.evidence.run(["notes", "--ref", "vouch", "show", fixture.squash])
        #expect(note.hasPrefix("Approved-by: Dana Reyes <dana@example.com>\n\nSource: github\nPull-request: https://github.com/example/billing/pull/1\n"))
        #expect(note.contains("Pull-request-author: bob\nCommit-authors: bob\nMerged-by: carol at 2026-02-02T12:00:00Z\n"))
        #expect(note.contains("Approved-by: carol <1001+carol@users.noreply.github.com>\nReview: 80 APPROVED 2026-02-02T11:00:00Z on "))

        // Importing again writes nothing.
        let tip = try fixture.notesTip()
        let again = try fixture.evidence.vouch(["github", "import", "--from", from])
        #expect(again.status == 0 && again.stdout.contains("is unchanged"))
        #expect(try fixture.notesTip() == tip)

        let population = try fixture.evidence.population()
        let squash = try population.change(fixture.squash)
        // The mailmap maps carol's account to her; dana's own note is kept and counts too.
        #expect(squash.approvals.map(\.identity.name) == ["Dana Reyes", "Carol Checker"])
        #expect(squash.approvals.map(\.source) == [.note, .github])
        #expect(squash.approvals[1].reference == "https://github.com/example/billing/pull/1#pullrequestreview-80")
        #expect(squash.approvals[1].recordedAt == Timestamp(iso8601: "2026-02-02T11:00:00Z"))
        #expect(squash.exceptions.isEmpty)
        #expect(squash.review?.number == 1 && squash.review?.mergedBy == "carol")

        #expect(try population.change(fixture.merge).exceptionIDs == ["change-approval-stale"])
        for commit in fixture.rebased {
            let change = try population.change(commit)
            #expect(change.exceptionIDs == ["change-self-approved"], "\(commit)")
            #expect(change.independentApprovers.map(\.name) == ["Carol Checker"])
            #expect(change.reviewReference == "#3")
        }
        #expect(try population.change(fixture.direct).exceptionIDs == ["change-unreviewed", "change-review-unmatched"])
        #expect(try population.change(fixture.dismissed).exceptionIDs == ["change-unreviewed", "change-approved-after-merge"])
    }

    @Test func evidenceJSONShowsTheReviewAndItsApprovers() throws {
        let fixture = try PlatformFixture()
        #expect(try fixture.evidence.vouch(["github", "import", "--from", fixture.fromFile()]).status == 0)
        let result = try fixture.evidence.vouch(["evidence", "--format", "json"])
        let records = try #require(try parseJSON(result.stdout)["changes"] as? [[String: Any]])
        let squash = try #require(records.first { $0["commit"] as? String == fixture.squash })
        let review = try #require(squash["review"] as? [String: Any])
        #expect(review["platform"] as? String == "github" && review["number"] as? Int == 1)
        #expect(review["url"] as? String == "https://github.com/example/billing/pull/1")
        #expect(review["merged_at"] as? String == "2026-02-02T12:00:00+00:00" && review["merged_by"] as? String == "carol")
        let approvers = try #require(squash["approvers"] as? [[String: Any]])
        #expect(approvers.map { $0["source"] as? String } == ["note", "github"])
        #expect(approvers[1]["reference"] as? String == "https://github.com/example/billing/pull/1#pullrequestreview-80")
        #expect(approvers[1]["recorded_at"] as? String == "2026-02-02T11:00:00+00:00")
        #expect(approvers[1]["login"] as? String == "carol")
    }

    @Test func aBadLineIsReportedWithItsPlaceAndNothingIsWritten() throws {
        let fixture = try PlatformFixture()
        let from = try fixture.fromFile([fixture.lines[0], "{\"pull\": {\"number\": 7}}", "not json"], name: "bad.jsonl")
        let result = try fixture.evidence.vouch(["github", "import", "--from", from])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(from):2:1: missing field 'pull.html_url'"))
        #expect(result.stderr.contains("\(from):3:1: not a JSON object"))
        #expect(try fixture.evidence.run(["rev-list", "--count", "refs/notes/vouch"]) == "1")
    }

    @Test func notesOfOneRunAreMergedWithTheirEarlierVersions() {
        let review = PlatformReviewNote(platform: .github, url: "https://github.com/o/r/pull/1", number: 1, author: "bob", commitAuthors: ["bob"],
                                        mergedBy: "carol", mergedAt: Timestamp(iso8601: "2026-02-02T12:00:00Z"), head: "abc", approvers: [], reviews: [])
        let plain = "Approved-by: Dana Reyes <dana@example.com>\n"
        let once = PlatformImporter.merged(plain, adding: [.review(review), .unclaimed(.github)])
        #expect(once == plain + "\n" + review.text)
        #expect(PlatformImporter.merged(once, adding: [.review(review)]) == once)
        let unmatched = PlatformImporter.merged(once, adding: [.unmatched(.github, ["b"]), .unmatched(.github, ["a"])])
        #expect(PlatformNote.parse(unmatched).last == .unmatched(.github, ["a", "b"]))
        #expect(PlatformImporter.merged("Source: github\nPull-request: none\n", adding: [.review(review)]) == review.text)
    }

    @Test func latestStatePerReviewerDecides() {
        func review(_ login: String, _ state: String) -> PlatformReview {
            PlatformReview(id: "1", state: state, submittedAt: nil, commit: .unrecorded, login: login, url: nil)
        }
        let latest = PlatformReview.latestApprovals([
            review("a", "APPROVED"), review("a", "COMMENTED"), review("b", "APPROVED"), review("b", "CHANGES_REQUESTED"),
            review("c", "CHANGES_REQUESTED"), review("c", "APPROVED"), review("d", "APPROVED"), review("d", "DISMISSED"),
        ])
        #expect(latest.map(\.login) == ["a", "c"])
    }
}

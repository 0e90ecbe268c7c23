import Foundation
import Testing
import VouchKit

@Suite struct ApproveCommandTests {
    @Test func recordsAppendsAndRefusesTheAuthor() throws {
        let fixture = try EvidenceFixture()
        let change = try fixture.git.commit("Tune rates (#7)\n", files: ["src/rates.swift": "r\n"], author: People.bob, date: "2026-02-01T10:00:00+00:00")

        let refused = try fixture.vouch(["approve", change], as: People.bob)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to record an approval by Bob Builder <bob@example.com>"))
        #expect((try? fixture.run(["notes", "--ref", "vouch", "show", change])) == nil)

        let approved = try fixture.vouch(["approve", change, "--message", "Checked the rollback plan"], as: People.carol)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("git push origin refs/notes/vouch"))
        let reviewed = try fixture.vouch(["approve", "HEAD", "--kind", "reviewed"], as: People.dana)
        #expect(reviewed.status == 0)
        let again = try fixture.vouch(["approve", change], as: People.carol)
        #expect(again.status == 0 && again.stdout.contains("already approved"))

        let note = try fixture.run(["notes", "--ref", "vouch", "show", change])
        #expect(note == "Approved-by: Carol Checker <carol@example.com>\nComment: Checked the rollback plan\n\nReviewed-by: Dana Reyes <dana@example.com>")
        // Appending made two commits on the notes ref; the branch is untouched.
        #expect(try fixture.run(["rev-list", "--count", "refs/notes/vouch"]) == "2")
        #expect(try fixture.head() == change)

        let record = try fixture.population().change(change)
        #expect(record.approvals.map(\.identity.name) == ["Carol Checker", "Dana Reyes"])
        #expect(record.approvals.allSatisfy { $0.source == .note && $0.recordedAt != nil })
        #expect(record.exceptions.isEmpty)
    }

    @Test func refusesAMailmappedAuthorAndNeedsAnIdentity() throws {
        let fixture = try EvidenceFixture()
        try fixture.git.commit("Mailmap\n", files: [".mailmap": "Bob Builder <bob@example.com> <bob@home.example.net>\n"], author: People.alice, date: "2026-02-01T10:00:00+00:00")
        let change = try fixture.git.commit("Fix\n", files: ["src/fix.swift": "f\n"], author: ("Bobby", "bob@home.example.net"), date: "2026-02-02T10:00:00+00:00")
        let refused = try fixture.vouch(["approve", change], as: People.bob)
        #expect(refused.status == 2 && refused.stderr.contains("you are an author"))
        #expect(try fixture.vouch(["approve", "no-such-rev"], as: People.carol).status == 2)

        // A commit that is not on the branch is approved, with a warning that evidence will not see it.
        try fixture.run(["checkout", "-q", "-b", "side"])
        let side = try fixture.git.commit("Side\n", files: ["src/side.swift": "s\n"], author: People.bob, date: "2026-02-03T10:00:00+00:00")
        try fixture.run(["checkout", "-q", "main"])
        let offBranch = try fixture.vouch(["approve", side], as: People.carol)
        #expect(offBranch.status == 0 && offBranch.stderr.contains("is not in the history of main"))
    }
}

@Suite struct PolicyHistoryTests {
    static let policy = """
        ---
        id: change-management
        title: Change Management Policy
        owner: CTO
        approvers: ["Dana Reyes <dana@example.com>"]
        version: "1"
        effective: EFFECTIVE
        ---
        Every change is reviewed.

        """

    static func policyFile(effective: String) -> [String: String] {
        ["policies/change-management.md": policy.replacingOccurrences(of: "EFFECTIVE", with: effective)]
    }

    static func lint(_ fixture: EvidenceFixture) throws -> [[String: Any]] {
        let result = try fixture.vouch(["lint", "--format", "json"])
        #expect(result.status != 2, "\(result.stderr)")
        return try #require(try parseJSON(result.stdout)["findings"] as? [[String: Any]]).filter { finding in RuleRegistry.policyHistoryRules.contains { $0.description.identifier == finding["rule"] as? String } }
    }

    @Test func approvalsInGitDecideThePolicyFindings() throws {
        let fixture = try EvidenceFixture()
        let first = try fixture.git.commit("Add the policy\n\nApproved-by: Dana Reyes <dana@example.com>\n", files: Self.policyFile(effective: "2026-02-01"), author: People.alice, date: "2026-02-01T10:00:00+00:00")
        #expect(try Self.lint(fixture).isEmpty)

        // An unapproved edit: a warning at the policy's id line; lint still exits 0.
        let edit = try fixture.git.commit("Raise the bar\n", files: Self.policyFile(effective: "2026-03-01"), author: People.alice, date: "2026-03-01T10:00:00+00:00")
        let findings = try Self.lint(fixture)
        #expect(findings.compactMap { $0["rule"] as? String }.sorted() == ["policy-change-unapproved", "policy-effective-unapproved"])
        let unapproved = try #require(findings.first { $0["rule"] as? String == "policy-change-unapproved" })
        #expect(unapproved["severity"] as? String == "warning" && unapproved["line"] as? Int == 2)
        #expect((unapproved["message"] as? String)?.contains("vouch approve \(edit.prefix(12))") == true)
        #expect((unapproved["message"] as? String)?.contains("last approved in \(first.prefix(12))") == true)
        // Warnings only: they never decide lint's exit status without --strict.
        #expect(findings.allSatisfy { $0["severity"] as? String == "warning" })

        // The author cannot approve it; Dana can.
        #expect(try fixture.vouch(["approve", edit], as: People.alice).status == 2)
        #expect(try fixture.vouch(["approve", edit], as: People.dana).status == 0)
        #expect(try Self.lint(fixture).isEmpty)
        // A change to another file does not touch the policy's record.
        try fixture.git.commit("Unrelated\n", files: ["src/other.swift": "o\n"], author: People.bob, date: "2026-03-02T10:00:00+00:00")
        #expect(try Self.lint(fixture).isEmpty)
    }

    @Test func overdueApprovalReplacesTheDateOnlyCheck() throws {
        let fixture = try EvidenceFixture(rootDate: "2024-01-05T09:00:00+00:00")
        try fixture.git.commit("Add the policy\n\nReviewed-by: Dana Reyes <dana@example.com>\n", files: Self.policyFile(effective: "2026-02-01"), author: People.alice, date: "2024-02-01T10:00:00+00:00")
        let findings = try Self.lint(fixture)
        // 'effective' says 2026, but the last approval was in 2024: history wins.
        #expect(findings.compactMap { $0["rule"] as? String } == ["policy-approval-overdue"])
        let overdue = try #require(findings.first)
        #expect(overdue["line"] as? Int == 7)
        #expect((overdue["message"] as? String)?.contains("due for review by 2025-01-31") == true)
    }

    @Test func programInASubfolderAndNoHistoryYet() throws {
        let git = try GitFixture()
        try git.write(["compliance/vouch.yml": EvidenceFixture.configuration()])
        try git.write(Dictionary(uniqueKeysWithValues: Self.policyFile(effective: "2026-02-01").map { ("compliance/" + $0.key, $0.value) }))
        let folder = git.url.appendingPathComponent("compliance")
        // Before the first commit: the date-only check applies, nothing is read from git.
        let before = try TestSupport.vouch(["lint", "--format", "json"], in: folder)
        #expect(before.stderr.isEmpty)
        #expect(!before.stdout.contains("policy-change-unapproved"))
        try git.commit("Program\n", date: "2026-02-01T10:00:00+00:00")
        let after = try TestSupport.vouch(["lint", "--format", "json"], in: folder)
        #expect(after.stdout.contains("policy-change-unapproved"))
        #expect(after.stdout.contains("compliance/policies/change-management.md"))
    }
}

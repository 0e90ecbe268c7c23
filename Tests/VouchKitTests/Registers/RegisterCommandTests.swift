import Foundation
import Testing
import VouchKit

/// The registers through the built `vouch` binary: lint findings by judging date, and
/// acknowledgements written and read as notes on refs/notes/vouch.
@Suite struct RegisterCommandTests {
    static let control = "---\nid: AC-01\ntitle: Access\nstatus: implemented\nowner: CISO\ncriteria: [CC6.1, CC3.1, CC9.2]\nevidence: [Access review]\n---\nText.\n"

    static let vendor = """
        ---
        id: cloud
        name: Cloud Host
        criticality: critical
        subservice: carve-out
        assurance:
          - kind: soc2
            type: 2
            period: { start: 2025-04-01, end: 2026-03-31 }
            opinion: unqualified
        csocs:
          - text: Customers manage access to their accounts
            criteria: [CC6.1]
            controls: [AC-01, AC-07]
        review: { last: 2026-02-01, interval_days: 365 }
        ---
        Hosting of production.

        """

    static let risk = """
        ---
        id: R-01
        title: Credential theft
        likelihood: 4
        impact: 5
        treatment: mitigate
        controls: [AC-01]
        residual: { likelihood: 2, impact: 5 }
        owner: CISO
        review: { last: 2026-01-15, interval_days: 180 }
        ---
        Phished credentials reach production.

        """

    static func findings(_ result: TestSupport.ProcessResult) throws -> [(rule: String, place: String)] {
        let findings = try #require(try parseJSON(result.stdout)["findings"] as? [[String: Any]], "\(result.stderr)")
        return findings.map { ($0["rule"] as? String ?? "", "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0)") }
    }

    @Test func vendorAndRiskFindingsFollowTheJudgingDate() throws {
        let folder = try TemporaryDirectory()
        try TestSupport.write([
            "vouch.yml": RuleExample.defaultConfiguration + "\nrisk_appetite: 8\n",
            "controls/ac-01.md": Self.control, "vendors/cloud.md": Self.vendor, "risks/r-01.md": Self.risk,
        ], to: folder.url)

        // In June the report (to March) plus the bridging grace covers the period so far.
        let june = try TestSupport.vouch(["lint", "--as-of", "2026-06-15", "--format", "json"], in: folder.url)
        let early = try Self.findings(june)
        #expect(june.status == 1, "\(june.stderr)")
        #expect(early.contains { $0.rule == "vendor-control-unknown" && $0.place == "vendors/cloud.md:14" })
        #expect(early.contains { $0.rule == "risk-residual-above-appetite" && $0.place == "risks/r-01.md:8" })
        #expect(!early.contains { $0.rule == "vendor-assurance-gap" || $0.rule == "risk-review-overdue" || $0.rule == "vendor-review-overdue" })

        // In December, April–September is uncovered and the risk review is late.
        let december = try Self.findings(try TestSupport.vouch(["lint", "--as-of", "2026-12-20", "--format", "json"], in: folder.url))
        #expect(december.contains { $0.rule == "vendor-assurance-gap" && $0.place == "vendors/cloud.md:9" })
        #expect(december.contains { $0.rule == "risk-review-overdue" && $0.place == "risks/r-01.md:10" })
        let text = try TestSupport.vouch(["lint", "--as-of", "2026-12-20"], in: folder.url)
        #expect(text.stdout.contains("2026-04-01 to 2026-09-19"), "the gap names its days: \(text.stdout)")

        // A bridge letter through September closes the gap.
        try TestSupport.write(["vendors/cloud.md": Self.vendor.replacingOccurrences(of: "    opinion: unqualified\n", with: "    opinion: unqualified\n    bridge_letter: { through: 2026-09-30 }\n")], to: folder.url)
        let bridged = try Self.findings(try TestSupport.vouch(["lint", "--as-of", "2026-12-20", "--format", "json"], in: folder.url))
        #expect(!bridged.contains { $0.rule == "vendor-assurance-gap" })
    }

    @Test func badRegisterFilesAreFindingsAndTheOthersAreStillChecked() throws {
        let folder = try TemporaryDirectory()
        try TestSupport.write([
            "vouch.yml": RuleExample.defaultConfiguration,
            "controls/ac-01.md": Self.control,
            "vendors/bad.md": "---\nid: bad\nname: [unclosed\n---\nText.\n",
            "risks/r-01.md": Self.risk.replacingOccurrences(of: "treatment: mitigate\n", with: ""),
            "people/people.csv": "name,email,start\nDana,dana@example.com,2026-02-31\n",
        ], to: folder.url)
        let result = try TestSupport.vouch(["lint", "--as-of", "2026-06-15", "--format", "json"], in: folder.url)
        #expect(result.status == 1)
        let found = try Self.findings(result)
        #expect(found.contains { $0.rule == "yaml-syntax" && $0.place.hasPrefix("vendors/bad.md:") })
        #expect(found.contains { $0.rule == "risk-untreated" && $0.place == "risks/r-01.md:2" })
        #expect(found.contains { $0.rule == "person-record-invalid" && $0.place == "people/people.csv:2" })
    }

    static let policy = "---\nid: security\ntitle: Security Policy\nowner: CISO\napprovers: [\"Dana Reyes <dana@example.com>\"]\nversion: \"1\"\neffective: 2026-02-01\n---\nWe protect data.\n"

    @Test func acknowledgementsAreNotesOnThePolicysLatestChange() throws {
        let fixture = try EvidenceFixture()
        try fixture.git.commit("Add the access control\n", files: ["controls/ac-01.md": Self.control], author: People.alice, date: "2026-01-10T10:00:00+00:00")
        let roster = "name,email,aliases,role,team,start,end,policies_required\nAlice Example,alice@example.com,,Engineer,Eng,2025-06-01,,security\nBob Builder,bob@example.com,,Engineer,Eng,2025-06-01,2026-01-31,all\n"
        let change = try fixture.git.commit("Add the security policy\n\nApproved-by: Dana Reyes <dana@example.com>\n", files: ["policies/security.md": Self.policy, "people/people.csv": roster], author: People.alice, date: "2026-02-01T10:00:00+00:00")

        // Within 30 days nothing is late; after, Alice (active) owes it and Bob (gone) does not.
        let inTime = try Self.findings(try fixture.vouch(["lint", "--as-of", "2026-02-20", "--format", "json"]))
        #expect(!inTime.contains { $0.rule == "policy-unacknowledged" })
        let late = try Self.findings(try fixture.vouch(["lint", "--as-of", "2026-04-01", "--format", "json"]))
        #expect(late.filter { $0.rule == "policy-unacknowledged" }.map(\.place) == ["people/people.csv:2"])

        let pending = try fixture.vouch(["acknowledge", "--pending", "--as-of", "2026-04-01"], as: People.alice)
        #expect(pending.status == 1 && pending.stdout.contains("security") && pending.stdout.contains("overdue since 2026-03-03"), "\(pending.stdout)\(pending.stderr)")

        let unknown = try fixture.vouch(["acknowledge", "secuirty"], as: People.alice)
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean 'security'"), "\(unknown.stderr)")

        let recorded = try fixture.vouch(["acknowledge", "security", "--as-of", "2026-02-10"], as: People.alice)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let blob = try fixture.run(["rev-parse", "\(change):policies/security.md"])
        #expect(try fixture.run(["notes", "--ref", "vouch", "show", change]) == "Acknowledged: security \(blob) 2026-02-10 Alice Example <alice@example.com>")
        let again = try fixture.vouch(["acknowledge", "security"], as: People.alice)
        #expect(again.status == 0 && again.stdout.contains("already acknowledged"))

        let acknowledged = try Self.findings(try fixture.vouch(["lint", "--as-of", "2026-04-01", "--format", "json"]))
        #expect(!acknowledged.contains { $0.rule == "policy-unacknowledged" })
        #expect(try fixture.vouch(["acknowledge", "--pending", "--as-of", "2026-04-01"], as: People.alice).status == 0)

        // A new approved version needs a new acknowledgement.
        try fixture.git.commit("Tighten the policy\n\nApproved-by: Dana Reyes <dana@example.com>\n", files: ["policies/security.md": Self.policy + "More.\n"], author: People.alice, date: "2026-05-01T10:00:00+00:00")
        let newVersion = try Self.findings(try fixture.vouch(["lint", "--as-of", "2026-07-01", "--format", "json"]))
        #expect(newVersion.contains { $0.rule == "policy-unacknowledged" })
    }
}

/// `vouch people`: populations by period with reproducible samples, and merging an HR export.
@Suite struct PeopleCommandTests {
    static let roster = """
        name,email,aliases,role,team,start,end,policies_required
        Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,all
        Sam Okafor,sam@example.com,,CTO,Engineering,2026-02-01,,all
        Ann Lee,ann@example.com,,Engineer,Engineering,2026-03-15,2026-08-31,all
        Bo Park,bo@example.com,,Engineer,Engineering,2025-01-10,2025-12-31,all
        Cy Diaz,cy@example.com,,Analyst,Finance,2026-05-04,,all
        Di Moss,di@example.com,,Analyst,Finance,2026-07-01,,all

        """

    static func folder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try TestSupport.write(["vouch.yml": RuleExample.defaultConfiguration, "people/people.csv": Self.roster], to: folder.url)
        return folder
    }

    static func emails(_ result: TestSupport.ProcessResult) throws -> [String] {
        try #require(try parseJSON(result.stdout)["people"] as? [[String: Any]], "\(result.stderr)").compactMap { $0["email"] as? String }
    }

    @Test func populationsOfThePeriod() throws {
        let folder = try Self.folder()
        #expect(try Self.emails(TestSupport.vouch(["people", "--hired", "--format", "json"], in: folder.url)) == ["sam@example.com", "ann@example.com", "cy@example.com", "di@example.com"])
        #expect(try Self.emails(TestSupport.vouch(["people", "--left", "--format", "json"], in: folder.url)) == ["ann@example.com"])
        #expect(try Self.emails(TestSupport.vouch(["people", "--left", "--since", "2025-01-01", "--until", "2025-12-31", "--format", "json"], in: folder.url)) == ["bo@example.com"])
        #expect(try Self.emails(TestSupport.vouch(["people", "--format", "json"], in: folder.url)).count == 5)
        // One end given: the other is the report period's (2026).
        #expect(try Self.emails(TestSupport.vouch(["people", "--hired", "--since", "2026-05-01", "--format", "json"], in: folder.url)) == ["cy@example.com", "di@example.com"])
        #expect(try Self.emails(TestSupport.vouch(["people", "--hired", "--until", "2026-03-31", "--format", "json"], in: folder.url)) == ["sam@example.com", "ann@example.com"])
        #expect(try TestSupport.vouch(["people", "--since", "2026-12-01", "--until", "2026-01-01"], in: folder.url).status == 2)
        let csv = try TestSupport.vouch(["people", "--hired", "--format", "csv"], in: folder.url)
        #expect(csv.stdout.hasPrefix("name,email,role,team,start,end\r\nSam Okafor,sam@example.com,CTO,Engineering,2026-02-01,\r\n"))
        #expect(try TestSupport.vouch(["people", "--hired", "--left"], in: folder.url).status == 2)
    }

    @Test func samplesAreReproducibleAndRecomputable() throws {
        let folder = try Self.folder()
        let first = try TestSupport.vouch(["people", "--hired", "--sample", "2", "--seed", "audit-2026", "--format", "json"], in: folder.url)
        let sampled = try Self.emails(first)
        #expect(sampled.count == 2)
        #expect(try Self.emails(TestSupport.vouch(["people", "--hired", "--sample", "2", "--seed", "audit-2026", "--format", "json"], in: folder.url)) == sampled)
        // The two smallest sha256("SEED:EMAIL") ranks, listed in roster order.
        let hired = ["sam@example.com", "ann@example.com", "cy@example.com", "di@example.com"]
        let expected = hired.sorted { PeoplePopulation.rank(seed: "audit-2026", email: $0).lexicographicallyPrecedes(PeoplePopulation.rank(seed: "audit-2026", email: $1)) }.prefix(2)
        #expect(sampled == hired.filter(expected.contains))
        let auto = try parseJSON(try TestSupport.vouch(["people", "--hired", "--sample", "auto", "--format", "json"], in: folder.url).stdout)
        #expect((auto["sample"] as? [String: Any])?["size"] as? Int == 2, "four joiners a year: the quarterly size")
    }

    @Test func importReportsJoinersLeaversAndChangesAndDropsNoOne() throws {
        let folder = try Self.folder()
        let export = """
            Full Name,Work Email,Hire Date,Termination Date,Title
            Dana Reyes,dana@example.com,2024-02-01,,CISO
            Sam Okafor,SAM@example.com,2026-02-01,2026-11-30,CTO
            Cy Diaz,cy@example.com,2026-05-04,,Senior Analyst
            Eve Stone,eve@example.com,2026-10-01,,Engineer
            ,,2026-10-01,,Nobody

            """
        try TestSupport.write(["hr.csv": export], to: folder.url)
        let map = "name=Full Name,email=Work Email,start=Hire Date,end=Termination Date,role=Title"
        let dry = try TestSupport.vouch(["people", "import", "hr.csv", "--map", map, "--dry-run"], in: folder.url)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("people/people.csv"), encoding: .utf8) == Self.roster, "a dry run writes nothing")

        let result = try TestSupport.vouch(["people", "import", "hr.csv", "--map", map], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Joiners (1):\n  Eve Stone <eve@example.com>"), "\(result.stdout)")
        #expect(result.stdout.contains("Leavers (1):\n  Sam Okafor <SAM@example.com>: email 'sam@example.com' → 'SAM@example.com', end '' → '2026-11-30'"), "\(result.stdout)")
        #expect(result.stdout.contains("Changed (1):\n  Cy Diaz <cy@example.com>: role 'Analyst' → 'Senior Analyst'"), "\(result.stdout)")
        #expect(result.stdout.contains("kept on the roster") && result.stdout.contains("di@example.com"), "a person missing from the export is kept")
        #expect(result.stderr.contains("without an email: 6"))
        let roster = try Program.load(from: DirectoryFileSource(root: folder.url))
        #expect(roster.readFindings.isEmpty, "\(roster.readFindings)")
        #expect(roster.people?.map(\.email.value) == ["dana@example.com", "SAM@example.com", "ann@example.com", "bo@example.com", "cy@example.com", "di@example.com", "eve@example.com"])
        #expect(roster.people?.last?.policiesRequired.map(\.value) == ["all"])

        let unknown = try TestSupport.vouch(["people", "import", "hr.csv", "--map", "email=Mail"], in: folder.url)
        #expect(unknown.status == 2 && unknown.stderr.contains("no column 'Mail'"), "\(unknown.stderr)")
    }
}

/// `vouch coverage` shows beside each criterion the risks its controls treat and the vendors whose
/// complementary controls support it.
@Suite struct RegisterCoverageTests {
    @Test func coverageNamesRelatedRisksAndVendors() throws {
        let folder = try TemporaryDirectory()
        try TestSupport.write([
            "vouch.yml": RuleExample.defaultConfiguration,
            "controls/ac-01.md": RegisterCommandTests.control, "vendors/cloud.md": RegisterCommandTests.vendor, "risks/r-01.md": RegisterCommandTests.risk,
        ], to: folder.url)
        let json = try parseJSON(try TestSupport.vouch(["coverage", "--format", "json"], in: folder.url).stdout)
        let rows = try #require(json["criteria"] as? [[String: Any]] ?? json.values.compactMap { $0 as? [[String: Any]] }.first)
        let cc61 = try #require(rows.first { $0["id"] as? String == "CC6.1" })
        #expect(cc61["risks"] as? [String] == ["R-01"])
        #expect(cc61["vendors"] as? [String] == ["cloud"])
        let cc81 = try #require(rows.first { $0["id"] as? String == "CC8.1" })
        #expect(cc81["risks"] == nil && cc81["vendors"] == nil)
        let text = try TestSupport.vouch(["coverage"], in: folder.url)
        #expect(text.stdout.contains("AC-01 · risks R-01"), "\(text.stdout)")
    }
}

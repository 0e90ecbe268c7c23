import Foundation
import Testing
import VouchKit

/// The `vouch` binary as users and CI see it: exit statuses, formats, discovery.
@Suite struct CommandLineTests {
    /// A folder with the starter program written by `vouch init`.
    static func starterFolder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let result = try TestSupport.vouch(["init", "--root", directory.url.path], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        return directory
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func cleanProgramExitsZero() throws {
        let folder = try Self.starterFolder()
        let result = try TestSupport.vouch(["lint"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "No findings in \(StarterProgram.files.count) files.\n")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not writing to a terminal")
    }

    @Test func errorsExitOneAndJSONHasTheDocumentedShape() throws {
        let folder = try Self.starterFolder()
        try TestSupport.write(["controls/broken.md": "---\nid: CM-99\ntitle: Broken\nstatus: implemented\nowner: Ops\ncriteria: [CC6.9]\nevidence: [x]\n---\nText.\n"], to: folder.url)
        let result = try TestSupport.vouch(["lint", "--format", "json"], in: folder.url)
        #expect(result.status == 1)
        let document = try Self.json(result.stdout)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding["rule"] as? String == "criterion-unknown")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["file"] as? String == "controls/broken.md")
        #expect(finding["line"] as? Int == 6)
        #expect(finding["column"] as? Int == 12)
        #expect((finding["message"] as? String)?.contains("CC6.1–CC6.8") == true)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["files"] as? Int == StarterProgram.files.count + 1)
    }

    @Test func asOfSetsTheJudgingDate() throws {
        let folder = try Self.starterFolder()
        let policy = "---\nid: short-review\ntitle: Short Review Policy\nowner: Ops\napprovers: [\"ops@example.com\"]\nversion: \"1.0\"\neffective: 2025-01-15\nreview_interval_days: 30\n---\nText.\n"
        try TestSupport.write(["policies/short-review.md": policy], to: folder.url)
        for command in [["lint"], ["check"]] {
            let before = try TestSupport.vouch(command + ["--as-of", "2025-02-01", "--format", "json"], in: folder.url)
            #expect(!before.stdout.contains("policy-review-overdue"), "\(command): \(before.stdout)")
            let after = try TestSupport.vouch(command + ["--as-of", "2025-06-01", "--format", "json"], in: folder.url)
            #expect(after.stdout.contains("policy-review-overdue"), "\(command): \(after.stdout)")
        }
        let bad = try TestSupport.vouch(["lint", "--as-of", "2026-02-30"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("as-of"))
    }

    @Test func usageErrorSaysErrorOnce() throws {
        let folder = try Self.starterFolder()
        let result = try TestSupport.vouch(["evidence", "--seed", "fixed"], in: folder.url)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "vouch: error: --seed needs --sample", "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: vouch evidence"), "\(result.stderr)")
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let folder = try Self.starterFolder()
        try TestSupport.write(["controls/thin.md": "---\nid: CM-98\ntitle: Thin\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nevidence: [x]\n---\n\n"], to: folder.url)
        #expect(try TestSupport.vouch(["lint"], in: folder.url).status == 0)
        let strict = try TestSupport.vouch(["lint", "--strict"], in: folder.url)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("controls/thin.md:9:1: warning:"))
        #expect(strict.stdout.contains("[narrative-empty]"))
    }

    @Test func pathsLimitTheReportButNotTheChecks() throws {
        let folder = try Self.starterFolder()
        try TestSupport.write(["controls/broken.md": "---\nid: CM-99\ntitle: Broken\nstatus: nope\n---\nText.\n"], to: folder.url)
        let limited = try TestSupport.vouch(["lint", "policies"], in: folder.url)
        #expect(limited.status == 0)
        let direct = try TestSupport.vouch(["lint", "controls/broken.md"], in: folder.url)
        #expect(direct.status == 1)
        #expect(direct.stdout.contains("controls/broken.md:4:9: error:"))
    }

    #if os(Linux)
    /// mimalloc, not glibc, serves the process's allocations (libgit2's and zlib's included):
    /// asked with `MIMALLOC_VERBOSE`, it reports its start-up on standard error.
    @Test func theProcessAllocatesWithMimalloc() throws {
        let folder = try TemporaryDirectory()
        let result = try TestSupport.vouch(["--version"], in: folder.url, environment: ["MIMALLOC_VERBOSE": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\n") && result.stdout.first?.isNumber == true, "the version, as without mimalloc")
        #expect(result.stderr.contains("mimalloc: process init"), "\(result.stderr)")
    }
    #endif

    @Test func environmentAndUsageErrorsExitTwo() throws {
        let empty = try TemporaryDirectory()
        let missing = try TestSupport.vouch(["lint"], in: empty.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no vouch.yml found"))
        #expect(missing.stderr.contains("vouch init"))
        let folder = try Self.starterFolder()
        #expect(try TestSupport.vouch(["lint", "--format", "xml"], in: folder.url).status == 2)
        #expect(try TestSupport.vouch(["lint", "--no-such-flag"], in: folder.url).status == 2)
        #expect(try TestSupport.vouch(["frobnicate"], in: folder.url).status == 2)
        #expect(try TestSupport.vouch(["lint", "--root", empty.url.path], in: folder.url).status == 2)
        #expect(try TestSupport.vouch(["--help"], in: folder.url).status == 0)
        #expect(try TestSupport.vouch(["--version"], in: folder.url).status == 0)
    }

    @Test func brokenConfigurationExitsTwoAndStillReports() throws {
        let folder = try Self.starterFolder()
        try TestSupport.write(["vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, availabilty]\n"], to: folder.url)
        let result = try TestSupport.vouch(["lint"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stdout.contains("vouch.yml:7:28: error: 'availabilty' is not a valid category"))
        #expect(result.stdout.contains("did you mean 'availability'?"))
    }

    @Test func rootOptionAndUpwardDiscovery() throws {
        let folder = try Self.starterFolder()
        let elsewhere = try TemporaryDirectory()
        #expect(try TestSupport.vouch(["lint", "--root", folder.url.path], in: elsewhere.url).status == 0)
        #expect(try TestSupport.vouch(["lint"], in: folder.url.appendingPathComponent("controls")).status == 0)
    }

    @Test func coverageMatrixFormats() throws {
        let folder = try Self.starterFolder()
        let json = try TestSupport.vouch(["coverage", "--format", "json"], in: folder.url)
        #expect(json.status == 0)
        let criteria = try #require(try Self.json(json.stdout)["criteria"] as? [[String: Any]])
        #expect(criteria.count == 61)
        let change = try #require(criteria.first { $0["id"] as? String == "CC8.1" })
        #expect(change["status"] as? String == "covered")
        #expect(change["category"] as? String == "security")
        #expect((change["controls"] as? [[String: Any]])?.contains { $0["id"] as? String == "CM-01" } == true)
        #expect(criteria.first { $0["id"] as? String == "P8.1" }?["status"] as? String == "out-of-scope")

        let soc1 = try TestSupport.vouch(["coverage", "--report", "soc1", "--format", "json"], in: folder.url)
        let objectives = try #require(try Self.json(soc1.stdout)["objectives"] as? [[String: Any]])
        #expect(!objectives.isEmpty && objectives.allSatisfy { $0["status"] as? String == "covered" })

        let csv = try TestSupport.vouch(["coverage", "--format", "csv"], in: folder.url)
        #expect(csv.stdout.hasPrefix("id,category,topic,status,controls,reason,risks,vendors\r\n"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 63)

        let text = try TestSupport.vouch(["coverage"], in: folder.url)
        #expect(text.stdout.contains("38 covered, 0 planned, 0 uncovered, 0 excluded, 23 out-of-scope."))
    }

    @Test func coverageExitsOneWithGapsAndShowsExclusions() throws {
        let folder = try Self.starterFolder()
        try TestSupport.write(["vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, processing-integrity]\n    excluded:\n      PI1.5: \"No stored outputs\"\n"], to: folder.url)
        let result = try TestSupport.vouch(["coverage", "--format", "json"], in: folder.url)
        #expect(result.status == 1)
        let criteria = try #require(try Self.json(result.stdout)["criteria"] as? [[String: Any]])
        #expect(criteria.first { $0["id"] as? String == "PI1.1" }?["status"] as? String == "uncovered")
        let excluded = try #require(criteria.first { $0["id"] as? String == "PI1.5" })
        #expect(excluded["status"] as? String == "excluded")
        #expect(excluded["reason"] as? String == "No stored outputs")
    }

    @Test func criteriaCatalog() throws {
        let folder = try TemporaryDirectory()
        let result = try TestSupport.vouch(["criteria", "--format", "json"], in: folder.url)
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 61)
        var byCategory: [String: Int] = [:]
        for entry in entries { byCategory[entry["category"] as? String ?? "", default: 0] += 1 }
        #expect(byCategory == ["security": 33, "availability": 3, "confidentiality": 2, "processing-integrity": 5, "privacy": 18])
        #expect(entries.allSatisfy { !($0["topic"] as? String ?? "").isEmpty })
    }

    @Test func customFrameworkMapsLikeSOC2() throws {
        let folder = try Self.starterFolder()
        try TestSupport.write([
            "frameworks/iso27001.yml": "name: ISO/IEC 27001:2022 Annex A\nrequirements:\n  - { id: A.5.1, title: Policies for information security, category: organizational }\n  - { id: A.8.32, title: Change management, category: technological }\n",
            "controls/iso-01.md": "---\nid: ISO-01\ntitle: Policy set\nstatus: implemented\nowner: CISO\ncriteria: [CC5.3, iso27001:A.5.1, iso27001:A.5.99]\nevidence: [Policy index]\n---\nText.\n",
        ], to: folder.url)
        let lint = try TestSupport.vouch(["lint", "--format", "json"], in: folder.url)
        #expect(lint.status == 1)
        let findings = try #require(try Self.json(lint.stdout)["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["message"] as? String == "unknown requirement of ISO/IEC 27001:2022 Annex A 'iso27001:A.5.99'; did you mean 'A.5.1'?")
        let criteria = try TestSupport.vouch(["criteria", "--framework", "iso27001"], in: folder.url)
        #expect(criteria.stdout.contains("A.8.32"))
        let coverage = try TestSupport.vouch(["coverage", "--framework", "iso27001", "--format", "json"], in: folder.url)
        #expect(coverage.status == 1)
        #expect(coverage.stdout.contains("\"ISO-01\""))
    }

    @Test func rulesAreListedAndExplained() throws {
        let folder = try TemporaryDirectory()
        let list = try TestSupport.vouch(["rules"], in: folder.url)
        #expect(list.status == 0)
        for rule in RuleRegistry.all { #expect(list.stdout.contains(rule.identifier)) }
        let explained = try TestSupport.vouch(["rules", "criterion-unknown"], in: folder.url)
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("Fails"))
        #expect(explained.stdout.contains("CC6.9"))
        let unknown = try TestSupport.vouch(["rules", "criterion"], in: folder.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("criterion-unknown"))
    }
}

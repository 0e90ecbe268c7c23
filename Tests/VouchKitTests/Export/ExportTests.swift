import Foundation
import Testing
import VouchKit

@Suite struct ExportTests {
    static let goldenFolder = TestSupport.packageRoot.appendingPathComponent("Tests/VouchKitTests/Golden")

    /// Compares with a committed golden file; `VOUCH_UPDATE_GOLDEN=1 swift test` rewrites them.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VOUCH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let actual = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(actual, text.split(separator: "\n", omittingEmptySubsequences: false)).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("\(name) differs from the golden file (first at line \((firstDifference?.offset ?? actual.count) + 1)); run VOUCH_UPDATE_GOLDEN=1 swift test to accept", sourceLocation: sourceLocation)
        }
    }

    @Test func starterProgramMatchesTheGoldenFiles() throws {
        let fixture = try ExportFixture()
        let soc2 = try fixture.package(report: .soc2)
        try Self.expectGolden(try #require(soc2.file("system-description.md")).text, "starter-soc2.md")
        try Self.expectGolden(try #require(soc2.file("system-description.json")).text, "starter-soc2.json")
        let soc1 = try fixture.package(report: .soc1, formats: [.md, .json])
        try Self.expectGolden(try #require(soc1.file("system-description.md")).text, "starter-soc1.md")
        try Self.expectGolden(try #require(soc1.file("system-description.json")).text, "starter-soc1.json")
    }

    @Test func titlePageAndOriginComeFromTheCommitWithoutCredentials() throws {
        let fixture = try ExportFixture()
        let package = try fixture.package()
        let markdown = try #require(package.file("system-description.md")).text
        #expect(markdown.contains("- **Commit:** \(fixture.commit)"))
        #expect(markdown.contains("- **Branch:** main"))
        #expect(markdown.contains("- **Period:** 2026-01-01 to 2026-12-31"))
        #expect(markdown.contains("- **Committed:** 2026-06-30T17:45:00+02:00"))
        for file in package.files { #expect(!file.text.contains("s3cret"), "\(file.path) leaks the remote's credentials") }
        #expect(package.manifest.origin.repository == "https://git.example.com/example-cloud/compliance.git")
        #expect(package.manifest.json().contains("\"committed\": \"2026-06-30T15:45:00+00:00\""))
    }

    @Test func sectionsFollowTheDescriptionCriteriaAndMissingOnesAreShown() throws {
        let fixture = try ExportFixture(removing: ["system/incidents.md"])
        let package = try fixture.package()
        let markdown = try #require(package.file("system-description.md")).text
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## DC") }.map { String($0.prefix(6)) }
        #expect(headings == ["## DC1", "## DC2", "## DC3", "## DC4", "## DC5", "## DC6", "## DC7", "## DC8", "## DC9"])
        #expect(markdown.contains("## DC4. Significant incidents\n\n> **Missing: no file in system/ provides this section (front matter: section: incidents).**"))
        let html = try #require(package.file("system-description.html")).text
        #expect(html.contains("<p class=\"missing\">Missing: no file in system/ provides this section"))
        let json = try JSONSerialization.jsonObject(with: Data(try #require(package.file("system-description.json")).bytes)) as? [String: Any]
        let sections = try #require(json?["sections"] as? [[String: Any]])
        #expect(sections.first { $0["kind"] as? String == "incidents" }?["status"] as? String == "missing")
    }

    @Test func evidenceIsReadAsOfTheCommit() throws {
        let fixture = try ExportFixture()
        let policy = "policies/access-control.md"
        let text = try String(contentsOf: fixture.url.appendingPathComponent(policy), encoding: .utf8)
        let approved = try fixture.repository.commit(
            "Access control policy: quarterly reviews\n\nApproved-by: Sam Okafor <sam.okafor@example.com>\n",
            files: [policy: text.replacingOccurrences(of: "every quarter", with: "each quarter")], date: "2026-07-01T09:00:00+00:00")
        try fixture.repository.commit("Later, unreviewed", files: ["src/app.txt": "x\n"], date: "2026-07-02T09:00:00+00:00")

        let now = try fixture.package(formats: [.md, .json])
        #expect(now.file("evidence/changes.json") != nil && now.file("evidence/changes.csv") != nil)
        let markdown = try #require(now.file("system-description.md")).text
        #expect(markdown.contains("- **Population:** 3 changes"))
        #expect(markdown.contains("### Exceptions (2)"), "the two commits without review; the approved one is fine")
        #expect(markdown.contains("| access-control | Access Control Policy | Chief Information Security Officer | 2.1 | 2026-02-15 | 2026-07-01 | \(approved.prefix(12)) | Sam Okafor \\<sam.okafor@example.com\\> | — |"))
        #expect(markdown.contains("| encryption |") && markdown.contains("no approved change"))

        let pinned = try fixture.package(formats: [.md], revision: fixture.commit)
        let pinnedText = try #require(pinned.file("system-description.md")).text
        #expect(pinnedText.contains("- **Population:** 1 change\n"), "history after the exported commit is not part of it")
        #expect(!pinnedText.contains(String(approved.prefix(12))))
        let json = try #require(pinned.file("evidence/changes.json")).text
        #expect(json.contains("\"tip\": \"\(fixture.commit)\""))
        #expect(!json.contains(fixture.url.path), "no path of the exporting machine")
        #expect(!json.contains("s3cret"))
    }

    @Test func historyThatCannotBeReadIsShownAsNotAvailable() throws {
        let fixture = try ExportFixture()
        try fixture.repository.commit("Second", files: ["src/app.txt": "x\n"], date: "2026-07-02T09:00:00+00:00")
        let clones = try TemporaryDirectory()
        let clone = clones.url.appendingPathComponent("shallow")
        try TestSupport.run(GitFixture.git, ["clone", "-q", "--depth", "1", "file://\(fixture.url.path)", clone.path], in: clones.url)
        let out = clones.url.appendingPathComponent("package")
        let result = try TestSupport.vouch(["export", "--out", out.path, "--format", "md"], in: clone)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: the change population and policy approvals are left out"))
        let markdown = try String(contentsOf: out.appendingPathComponent("system-description.md"), encoding: .utf8)
        #expect(markdown.contains("> **Change population: Not available: the evidence could not be read from git history ("))
        #expect(markdown.contains("> **Approval history: Not available"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("evidence").path))
    }

    @Test func soc1WithoutAConfiguredReportIsRefused() throws {
        var files = try TestSupport.starterFiles()
        let configuration = files["vouch.yml"]!
        let start = configuration.range(of: "  soc1:")!.lowerBound
        let end = configuration.range(of: "# How the linter collects")!.lowerBound
        files["vouch.yml"] = String(configuration[..<start]) + "\n" + String(configuration[end...])
        let fixture = try ExportFixture(extraFiles: ["vouch.yml": files["vouch.yml"]!])
        #expect(throws: ExportError.reportNotConfigured(.soc1)) { try fixture.package(report: .soc1) }
    }

    @Test func sameCommitGivesTheSameBytes() throws {
        let fixture = try ExportFixture()
        let first = try fixture.package()
        // A second repository with the same history: nothing machine- or time-specific leaks in.
        let second = try ExportFixture().package()
        #expect(first.files.map(\.path) == second.files.map(\.path))
        for (a, b) in zip(first.files, second.files) { #expect(a.bytes == b.bytes, "\(a.path) differs between two exports") }
    }

    @Test func revisionReadsThatCommitNotTheWorkTree() throws {
        let fixture = try ExportFixture()
        let control = "controls/ac-01-sso-mfa.md"
        let original = try String(contentsOf: fixture.url.appendingPathComponent(control), encoding: .utf8)
        let renamed = original.replacingOccurrences(of: "title: Workforce access", with: "title: Renamed workforce access")
        let second = try fixture.repository.commit("Rename AC-01", files: [control: renamed], date: "2026-07-01T09:00:00+00:00")
        try fixture.repository.write([control: original.replacingOccurrences(of: "title: Workforce access", with: "title: Uncommitted title")])

        let head = try #require(try fixture.package().file("system-description.md")).text
        #expect(head.contains("AC-01: Renamed workforce access"))
        #expect(!head.contains("Uncommitted title"))
        let old = try fixture.package(revision: fixture.commit)
        let oldText = try #require(old.file("system-description.md")).text
        #expect(oldText.contains("AC-01: Workforce access"))
        #expect(oldText.contains("- **Commit:** \(fixture.commit)"))
        #expect(oldText.contains("- **Branch:** (detached commit)"))
        #expect(old.manifest.origin.commit.description != second)
    }

    @Test func manifestListsEverySourceAndOutput() throws {
        let fixture = try ExportFixture()
        let package = try fixture.package()
        let manifest = package.manifest
        let sources = try TestSupport.starterFiles().keys.sorted()
        #expect(manifest.sources.map(\.path) == sources)
        let vouchYML = try #require(manifest.sources.first { $0.path == "vouch.yml" })
        let blob = try fixture.repository.run(["rev-parse", "HEAD:vouch.yml"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(vouchYML.blob == blob)
        #expect(vouchYML.sha256 == SHA256.hex(SHA256.hash(Array(try Data(contentsOf: fixture.url.appendingPathComponent("vouch.yml"))))))
        #expect(manifest.outputs.map(\.path) == (package.files.map(\.path) + package.copies.map(\.path)).filter { $0 != "manifest.json" }.sorted())
        // Copies of run artefacts and vendors' reports: RunExportTests and RegisterExportTests.
        for output in manifest.outputs {
            let file = try #require(package.file(output.path))
            #expect(output.size == file.bytes.count)
            #expect(output.sha256 == SHA256.hex(SHA256.hash(file.bytes)))
        }
        let reparsed = try ExportManifest(parsing: try #require(package.file("manifest.json")).bytes)
        #expect(reparsed.json() .contains("\"commit\": \"\(fixture.commit)\""))
        #expect(reparsed.sources == manifest.sources)
        #expect(reparsed.outputs == manifest.outputs)
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let fixture = try ExportFixture(extraFiles: [HostileControl.path: HostileControl.file])
        let package = try fixture.package()
        let html = try #require(package.file("system-description.html")).text
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<iframe"))
        #expect(!html.lowercased().contains("javascript:alert"))
        #expect(html.contains("ZZ-01: &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        let markdown = try #require(package.file("system-description.md")).text
        // Raw HTML survives only as an indented code block: shown as written, never interpreted.
        for line in markdown.split(separator: "\n") {
            let unescaped = line.replacingOccurrences(of: "\\<", with: "")
            guard unescaped.contains("<script>") || unescaped.contains("<img") || unescaped.contains("<a href") else { continue }
            #expect(line.hasPrefix("    "), "\(line)")
        }
        #expect(markdown.contains("ZZ-01: \\<script\\>alert(\"title\")\\</script\\> & \\<b\\>bold\\</b\\>"))
    }
}

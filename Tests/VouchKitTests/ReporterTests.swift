import Foundation
import Testing
import VouchKit

/// The machine-read formats: SARIF, JUnit and GitHub workflow commands.
@Suite struct ReporterTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    static let report = LintReport(
        findings: [
            Finding(rule: "owner-missing", severity: .error, location: SourceLocation(file: "controls/a b.md", line: 3, column: 1), message: "control has no owner; add 'owner:'"),
            Finding(rule: "owner-missing", severity: .error, location: SourceLocation(file: "controls/a b.md", line: 3, column: 1), message: "control has no owner; add 'owner:'"),
            Finding(rule: "narrative-empty", severity: .warning, location: SourceLocation(file: "controls/c.md", line: 9, column: 1), message: "100% <empty> & \"odd\"\nsecond line, with: punctuation\u{1}"),
            Finding(rule: "change-unreviewed", severity: .error, location: SourceLocation(file: "vouch.yml", line: 30, column: 1), message: "change landed without review evidence", commit: commit),
        ],
        filesChecked: 3, files: ["controls/a b.md", "controls/c.md", "vouch.yml"], changes: [commit, "fedcba9876543210fedcba9876543210fedcba98"])

    static func context(_ programPath: String = "compliance", strict: Bool = false) -> ReportContext {
        ReportContext(toolVersion: "9.9.9", informationURI: "https://example.com/vouch", programPath: programPath, failureThreshold: strict ? .warning : .error)
    }

    @Test func sarifValidatesAndDescribesRulesResultsAndChanges() throws {
        let text = SARIFReporter.render(Self.report, context: Self.context())
        let folder = try TemporaryDirectory()
        let validation = try CIFixtures.validateSARIF(text, in: folder.url)
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")

        let document = try CIFixtures.json(text)
        #expect(document["version"] as? String == "2.1.0")
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "vouch")
        #expect(driver["version"] as? String == "9.9.9")
        #expect(driver["informationUri"] as? String == "https://example.com/vouch")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map(\.identifier))
        let ownerIndex = try #require(RuleRegistry.all.firstIndex { $0.identifier == "owner-missing" })
        let ownerRule = rules[ownerIndex]
        #expect(ownerRule["name"] as? String == "OwnerMissing")
        #expect((ownerRule["shortDescription"] as? [String: Any])?["text"] as? String == RuleRegistry.all[ownerIndex].summary)
        #expect((ownerRule["fullDescription"] as? [String: Any])?["text"] as? String == RuleRegistry.all[ownerIndex].rationale)
        #expect(((ownerRule["help"] as? [String: Any])?["text"] as? String)?.contains("vouch rules owner-missing") == true)
        #expect((ownerRule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        let first = results[0]
        #expect(first["ruleId"] as? String == "owner-missing")
        #expect(first["ruleIndex"] as? Int == ownerIndex)
        #expect(first["level"] as? String == "error")
        let location = try #require(((first["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "compliance/controls/a%20b.md")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 3)
        #expect(region["startColumn"] as? Int == 1)
        // Two identical findings get distinct fingerprints.
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        #expect(prints.count == 4)
        #expect(Set(prints).count == 4)
        #expect(results[1]["level"] as? String == "error")
        #expect(results[2]["level"] as? String == "warning")

        let change = results[3]
        #expect((change["properties"] as? [String: Any])?["commit"] as? String == Self.commit)
        #expect(((change["message"] as? [String: Any])?["text"] as? String)?.contains("0123456789ab") == true)
        #expect(change["ruleIndex"] as? Int == RuleRegistry.all.firstIndex { $0.identifier == "change-unreviewed" })
        let unknown = LintReport(findings: [Finding(rule: "not-a-rule", severity: .note, location: SourceLocation(file: "vouch.yml"), message: "m")], filesChecked: 1)
        let unknownResult = try #require(((try CIFixtures.json(SARIFReporter.render(unknown, context: Self.context()))["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        #expect(unknownResult["ruleIndex"] == nil, "a rule the registry does not know gets no index")
    }

    @Test func fingerprintsIgnoreLinesButNotFilesRulesOrCommits() throws {
        let finding = Finding(rule: "id-duplicate", severity: .error, location: SourceLocation(file: "controls/a.md", line: 2, column: 5), message: "id 'CM-01' is already used by the control in controls/b.md:2; give this control its own id")
        var moved = finding
        moved.location.line = 40
        moved.message = "id 'CM-01' is already used by the control in controls/b.md:17; give this control its own id"
        let context = Self.context("")
        #expect(SARIFReporter.fingerprint(of: finding, context: context) == SARIFReporter.fingerprint(of: moved, context: context))
        var otherFile = finding
        otherFile.location.file = "controls/c.md"
        var otherID = finding
        otherID.message = finding.message.replacingOccurrences(of: "CM-01", with: "CM-02")
        var otherCommit = finding
        otherCommit.commit = Self.commit
        let prints = [finding, otherFile, otherID, otherCommit].map { SARIFReporter.fingerprint(of: $0, context: context) }
        #expect(Set(prints).count == 4)
        // Stable across runs and machines: a fixed value.
        #expect(StableHash.hex("vouch") == StableHash.hex("vouch"))
        #expect(StableHash.hex("") == "cbf29ce484222325")
    }

    @Test func junitIsWellFormedWithOneCasePerRuleAndFileAndPerChange() throws {
        let folder = try TemporaryDirectory()
        let text = JUnitReporter.render(Self.report, context: Self.context())
        #expect(try CIFixtures.xmlProblem(text, in: folder.url) == nil)
        #expect(text.contains("<testsuites name=\"vouch\" tests=\"5\" failures=\"2\" errors=\"0\">"))
        #expect(text.contains("<testsuite name=\"vouch lint\" tests=\"3\" failures=\"1\""))
        #expect(text.contains("<testcase classname=\"compliance/controls/a b.md\" name=\"owner-missing\" file=\"compliance/controls/a b.md\">"))
        #expect(text.contains("(and 1 more)"))
        #expect(text.contains("<testcase classname=\"compliance/vouch.yml\" name=\"lint\" file=\"compliance/vouch.yml\"/>"))
        // A warning does not fail its case without --strict; it is kept in system-out, escaped.
        #expect(text.contains("<system-out>compliance/controls/c.md:9:1: warning: 100% &lt;empty&gt; &amp; &quot;odd&quot;&#10;second line, with: punctuation\u{FFFD} [narrative-empty]</system-out>"))
        #expect(text.contains("<testsuite name=\"vouch changes\" tests=\"2\" failures=\"1\""))
        #expect(text.contains("<testcase classname=\"changes\" name=\"\(Self.commit)\" file=\"compliance/vouch.yml\">"))
        #expect(text.contains("<testcase classname=\"changes\" name=\"fedcba9876543210fedcba9876543210fedcba98\"/>"))

        let strict = JUnitReporter.render(Self.report, context: Self.context(strict: true))
        #expect(strict.contains("failures=\"3\""))
        #expect(try CIFixtures.xmlProblem(strict, in: folder.url) == nil)
    }

    @Test func githubCommandsEscapeLikeTheActionsToolkit() {
        let text = GitHubReporter.render(Self.report, context: Self.context(""))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "::error file=controls/a b.md,line=3,col=1,title=owner-missing::control has no owner; add 'owner:'")
        #expect(lines[2] == "::warning file=controls/c.md,line=9,col=1,title=narrative-empty::100%25 <empty> & \"odd\"%0Asecond line, with: punctuation\u{1}")
        #expect(lines[3].hasPrefix("::error file=vouch.yml,line=30,col=1,title=change-unreviewed::change landed without review evidence (commit 0123456789ab)"))
        #expect(lines.last == "3 errors, 1 warning in 3 files and 2 changes.")
        #expect(GitHubReporter.escapedProperty("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae")
        #expect(GitHubReporter.escapedData("a:b,c%d\r\ne") == "a:b,c%25d%0D%0Ae")
        let note = Finding(rule: "x", severity: .note, location: SourceLocation(file: "f,1:2.md"), message: "m")
        #expect(GitHubReporter.annotation(note, context: Self.context("")) == "::notice file=f%2C1%3A2.md,line=1,col=1,title=x::m")
    }

    @Test func textAndJSONCarryTheCommitOfAChangeFinding() throws {
        let text = FindingReporter.text(Self.report, style: TextStyle(color: false))
        #expect(text.contains("vouch.yml:30:1: error: change landed without review evidence (commit 0123456789ab) [change-unreviewed]"))
        let json = try CIFixtures.json(FindingReporter.json(Self.report))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.last?["commit"] as? String == Self.commit)
        #expect((json["summary"] as? [String: Any])?["changes"] as? Int == 2)
    }
}

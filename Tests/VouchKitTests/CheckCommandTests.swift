import Foundation
import Testing
import VouchKit

/// `vouch check`, the CI gate, as a pipeline runs it.
@Suite struct CheckCommandTests {
    @Test func cleanAndBrokenProgramsInEveryFormat() throws {
        let fixture = try CIFixtures.starterRepository(in: "compliance")
        let program = fixture.url.appendingPathComponent("compliance")
        let clean = try TestSupport.vouch(["check"], in: program)
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains(": error:"), "only warnings (policy approvals not yet recorded in history)")
        #expect(clean.stdout.hasSuffix("in \(StarterProgram.files.count) files.\n"))

        try fixture.write(["compliance/controls/cm-99.md": CIFixtures.brokenControl])
        let text = try TestSupport.vouch(["check"], in: program)
        #expect(text.status == 1)
        #expect(text.stdout.contains("controls/cm-99.md:1:1: error:"))

        // The recipes' outputs: SARIF for code scanning, JUnit for test reports, both written to files.
        let sarif = try TestSupport.vouch(["check", "--format", "sarif", "--output", "vouch.sarif"], in: program)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.isEmpty)
        let sarifText = try String(contentsOf: program.appendingPathComponent("vouch.sarif"), encoding: .utf8)
        let validation = try CIFixtures.validateSARIF(sarifText, in: fixture.url)
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        #expect(sarifText.contains("\"uri\": \"compliance/controls/cm-99.md\""), "paths from the repository root, where code scanning resolves them")

        let junit = try TestSupport.vouch(["check", "--format", "junit", "--output", "junit.xml"], in: program)
        #expect(junit.status == 1)
        let junitText = try String(contentsOf: program.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(try CIFixtures.xmlProblem(junitText, in: fixture.url) == nil)
        #expect(junitText.contains("name=\"owner-missing\" file=\"compliance/controls/cm-99.md\""))

        let json = try TestSupport.vouch(["check", "--format", "json"], in: program)
        #expect(try CIFixtures.json(json.stdout)["findings"] != nil)

        // In GitHub Actions, annotations come by default, then the summary line.
        let github = try TestSupport.vouch(["check"], in: program, environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=compliance/controls/cm-99.md,line=1,col=1,title="))
        #expect(github.stdout.hasSuffix("in \(StarterProgram.files.count + 1) files.\n"))
        let explicit = try TestSupport.vouch(["check", "--format", "text"], in: program, environment: ["GITHUB_ACTIONS": "true"])
        #expect(!explicit.stdout.contains("::error"))

        // `vouch lint` offers the same formats.
        let lint = try TestSupport.vouch(["lint", "--format", "github"], in: program)
        #expect(lint.stdout == github.stdout)
    }

    @Test func aRangeAddsTheChangeExceptionsOfItsCommits() throws {
        let fixture = try CIFixtures.starterRepository(in: "compliance")
        let base = try fixture.run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let direct = try fixture.commit("Tag releases", files: ["compliance/controls/cm-98.md": CIFixtures.cleanControl])
        let program = fixture.url.appendingPathComponent("compliance")
        let range = "\(base)..\(direct)"

        let text = try TestSupport.vouch(["check", "--range", range], in: program)
        #expect(text.status == 1)
        #expect(text.stdout.contains("vouch.yml:"))
        #expect(text.stdout.contains("[change-unreviewed]"))
        #expect(text.stdout.contains(String(direct.prefix(12))))
        #expect(text.stdout.hasSuffix("in \(StarterProgram.files.count + 1) files and 1 change.\n"))

        let sarif = try TestSupport.vouch(["check", "--range", range, "--format", "sarif"], in: program)
        let validation = try CIFixtures.validateSARIF(sarif.stdout, in: fixture.url)
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        let results = try #require(((try CIFixtures.json(sarif.stdout)["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]))
        let change = try #require(results.first { $0["ruleId"] as? String == "change-unreviewed" })
        #expect((change["properties"] as? [String: Any])?["commit"] as? String == direct)
        let location = ((change["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "compliance/vouch.yml")
        #expect(((location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0) > 1, "the change_management entry, not the top of the file")

        let junit = try TestSupport.vouch(["check", "--range", range, "--format", "junit"], in: program)
        #expect(try CIFixtures.xmlProblem(junit.stdout, in: fixture.url) == nil)
        #expect(junit.stdout.contains("<testsuite name=\"vouch changes\" tests=\"1\" failures=\"1\""))
        #expect(junit.stdout.contains("<testcase classname=\"changes\" name=\"\(direct)\" file=\"compliance/vouch.yml\">"))

        let github = try TestSupport.vouch(["check", "--range", range], in: program, environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.stdout.contains("::error file=compliance/vouch.yml,line="))
        #expect(github.stdout.contains("title=change-unreviewed::"))

        // `vouch evidence` writes the same exceptions in the findings formats.
        let evidence = try TestSupport.vouch(["evidence", "--range", range, "--format", "sarif"], in: program)
        #expect(evidence.status == 1)
        #expect(try CIFixtures.validateSARIF(evidence.stdout, in: fixture.url).status == 0)
        #expect(evidence.stdout.contains("\"commit\": \"\(direct)\""))
        let evidenceGitHub = try TestSupport.vouch(["evidence", "--range", range, "--format", "github"], in: program)
        #expect(evidenceGitHub.stdout.contains("file=compliance/vouch.yml,"))
        #expect(evidenceGitHub.stdout.hasSuffix("in 1 change.\n"))
        let evidenceJUnit = try TestSupport.vouch(["evidence", "--range", range, "--format", "junit"], in: program)
        #expect(try CIFixtures.xmlProblem(evidenceJUnit.stdout, in: fixture.url) == nil)
        #expect(!evidenceJUnit.stdout.contains("vouch lint"))

        // An empty range is a complete, empty population.
        let empty = try TestSupport.vouch(["check", "--range", "\(direct)..\(direct)"], in: program)
        #expect(empty.status == 0)
        #expect(empty.stdout.hasSuffix("and 0 changes.\n"))
    }

    @Test func strictFailsOnWarnings() throws {
        let fixture = try CIFixtures.starterRepository()
        try fixture.write(["controls/thin.md": "---\nid: CM-97\ntitle: Thin\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nevidence: [x]\n---\n\n"])
        #expect(try TestSupport.vouch(["check"], in: fixture.url).status == 0)
        #expect(try TestSupport.vouch(["check", "--strict"], in: fixture.url).status == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let fixture = try CIFixtures.starterRepository()
        let both = try TestSupport.vouch(["check", "--range", "HEAD~1..HEAD", "--since", "2026-01-01"], in: fixture.url)
        #expect(both.status == 2)
        #expect(both.stderr.contains("one or the other"))
        #expect(try TestSupport.vouch(["check", "--since", "2026-02-30"], in: fixture.url).status == 2)
        #expect(try TestSupport.vouch(["check", "--since", "2026-03-01", "--until", "2026-01-01"], in: fixture.url).status == 2)
        #expect(try TestSupport.vouch(["check", "--range", "HEAD"], in: fixture.url).status == 2)
        #expect(try TestSupport.vouch(["check", "--format", "xml"], in: fixture.url).status == 2)
        let unwritable = try TestSupport.vouch(["check", "--output", "/nonexistent/folder/report.sarif"], in: fixture.url)
        #expect(unwritable.status == 2)
    }

    @Test func aShallowCloneIsRefusedWithTheFixForTheCISystem() throws {
        let fixture = try CIFixtures.starterRepository()
        try fixture.commit("Second change", files: ["controls/cm-98.md": CIFixtures.cleanControl])
        let folder = try TemporaryDirectory("vouch-shallow")
        let clone = folder.url.appendingPathComponent("clone")
        _ = try TestSupport.run(GitFixture.git, ["clone", "-q", "--depth", "1", "file://\(fixture.url.path)", clone.path], in: folder.url)
        #expect(try Repository.discover(from: clone.path)?.shallowCommits().isEmpty == false)
        #expect(try Repository.discover(from: fixture.url.path)?.shallowCommits().isEmpty == true)

        let github = try TestSupport.vouch(["check", "--range", "HEAD~1..HEAD"], in: clone, environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.status == 2)
        #expect(github.stderr.contains("shallow"))
        #expect(github.stderr.contains("fetch-depth: 0"))
        let gitlab = try TestSupport.vouch(["check", "--since", "2026-01-01"], in: clone, environment: ["GITLAB_CI": "true"])
        #expect(gitlab.status == 2)
        #expect(gitlab.stderr.contains("GIT_DEPTH: 0"))
        let local = try TestSupport.vouch(["check", "--range", "HEAD~1..HEAD"], in: clone)
        #expect(local.stderr.contains("git fetch --unshallow"))
        // Lint alone does not need history.
        #expect(try TestSupport.vouch(["check"], in: clone).status == 0)
    }
}

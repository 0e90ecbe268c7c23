import Foundation
import Testing
import VouchKit

/// `vouch lint --staged`: the program as `git commit` would record it, read from the index.
@Suite struct StagedLintTests {
    static func stagedReport(_ fixture: GitFixture, from folder: String = "", environment: [String: String] = [:]) throws -> LintReport {
        let location = try ProgramLocator.locateStaged(from: fixture.url.appendingPathComponent(folder), environment: environment)
        return try Linter.lint(location.source, options: LintOptions(today: TestSupport.today))
    }

    @Test func readsTheIndexNotTheWorkTree() throws {
        let fixture = try CIFixtures.starterRepository()
        // Staged broken, then fixed in the work tree only: the staged form is what counts.
        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "controls/cm-99.md"])
        try fixture.write(["controls/cm-99.md": CIFixtures.cleanControl.replacingOccurrences(of: "CM-98", with: "CM-99")])
        // A broken file only in the work tree is ignored.
        try fixture.write(["controls/untracked.md": CIFixtures.brokenControl.replacingOccurrences(of: "CM-99", with: "CM-97")])
        let staged = try Self.stagedReport(fixture)
        #expect(Set(staged.findings.map(\.file)) == ["controls/cm-99.md"])
        #expect(staged.findings.contains { $0.rule == "owner-missing" })
        #expect(staged.filesChecked == StarterProgram.files.count + 1)

        let binary = try TestSupport.vouch(["lint", "--staged"], in: fixture.url)
        #expect(binary.status == 1)
        #expect(binary.stdout.contains("controls/cm-99.md:"))
        #expect(!binary.stdout.contains("untracked.md"))
        // The work tree alone is clean apart from the untracked file.
        let workTree = try TestSupport.vouch(["lint", "--format", "json"], in: fixture.url)
        #expect(!workTree.stdout.contains("cm-99.md"))
    }

    @Test func aFileDeletedInTheIndexIsGoneEvenIfStillInTheWorkTree() throws {
        let fixture = try CIFixtures.starterRepository()
        let control = try #require(StarterProgram.files.map(\.path).sorted().first { $0.hasPrefix("controls/") })
        try fixture.run(["rm", "-q", "--cached", control])
        let staged = try Self.stagedReport(fixture)
        #expect(staged.filesChecked == StarterProgram.files.count - 1)
        #expect(!staged.files.contains(control))
        #expect(FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent(control).path))
    }

    @Test func honoursGitIndexFile() throws {
        let fixture = try CIFixtures.starterRepository()
        // An index of its own, as git makes for `git commit -a` or `git commit PATHS`.
        let index = fixture.url.appendingPathComponent(".git/other-index").path
        try fixture.run(["read-tree", "HEAD"], environment: ["GIT_INDEX_FILE": index])
        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "controls/cm-99.md"], environment: ["GIT_INDEX_FILE": index])
        #expect(try Self.stagedReport(fixture).findings.isEmpty, "the repository's own index has no broken file")
        let other = try Self.stagedReport(fixture, environment: ["GIT_INDEX_FILE": index])
        #expect(other.findings.contains { $0.file == "controls/cm-99.md" })
        let binary = try TestSupport.vouch(["lint", "--staged"], in: fixture.url, environment: ["GIT_INDEX_FILE": index])
        #expect(binary.status == 1)
    }

    @Test func findsAProgramInAFolderAndReportsRepositoryPaths() throws {
        let fixture = try CIFixtures.starterRepository(in: "compliance")
        try fixture.write(["compliance/controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "-A"])
        let location = try ProgramLocator.locateStaged(from: fixture.url.appendingPathComponent("compliance/controls"), environment: [:])
        #expect(location.pathInRepository == "compliance/")
        // From the repository root the program is found with --root, as the hook passes it.
        let root = try TestSupport.vouch(["lint", "--staged", "--root", "compliance", "--format", "github"], in: fixture.url)
        #expect(root.status == 1)
        #expect(root.stdout.contains("file=compliance/controls/cm-99.md,"))
        let missing = try TestSupport.vouch(["lint", "--staged"], in: fixture.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no vouch.yml is staged"))
    }

    @Test func aProgramStagedButDeletedFromTheWorkTreeIsStillRead() throws {
        let fixture = try GitFixture()
        try fixture.write(try TestSupport.starterFiles())
        try fixture.run(["add", "-A"])
        try FileManager.default.removeItem(at: fixture.url.appendingPathComponent("vouch.yml"))
        let report = try Self.stagedReport(fixture)
        #expect(report.filesChecked == StarterProgram.files.count)
        #expect(report.findings.isEmpty)
    }

    @Test func worksInALinkedWorktree() throws {
        let fixture = try CIFixtures.starterRepository()
        let worktree = try TemporaryDirectory("vouch-worktree")
        let path = worktree.url.appendingPathComponent("feature").path
        try fixture.run(["worktree", "add", "-q", "-b", "feature", path])
        let linked = URL(fileURLWithPath: path)
        try TestSupport.write(["controls/cm-99.md": CIFixtures.brokenControl], to: linked)
        _ = try TestSupport.run(GitFixture.git, ["add", "controls/cm-99.md"], in: linked)
        let result = try TestSupport.vouch(["lint", "--staged"], in: linked)
        #expect(result.status == 1)
        #expect(result.stdout.contains("controls/cm-99.md:"))
        #expect(try TestSupport.vouch(["lint", "--staged"], in: fixture.url).status == 0, "the main worktree's index is untouched")
    }

    @Test func outsideARepositoryExitsTwo() throws {
        let folder = try TemporaryDirectory()
        try TestSupport.write(try TestSupport.starterFiles(), to: folder.url)
        let result = try TestSupport.vouch(["lint", "--staged"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not inside a git work tree"))
    }
}

import Foundation
import Testing
import VouchKit

/// The pre-commit framework (pre-commit.com) running Vouch, with the real `pre-commit` package.
@Suite(.enabled(if: PreCommitTool.executable != nil, "pre-commit is not installed; 'bash script/test' installs it (python3 -m pip install pre-commit)"))
struct PreCommitFrameworkTests {
    static var preCommit: URL? { PreCommitTool.executable }

    /// The hook definition published at the repository root.
    static let hooksFile = TestSupport.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml")

    /// PATH with the built `vouch` first, and a pre-commit cache of the test's own.
    static func environment(cache: URL) -> [String: String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return ["PATH": TestSupport.vouchBinary.deletingLastPathComponent().path + ":" + path, "PRE_COMMIT_HOME": cache.path]
    }

    static func commit(_ fixture: GitFixture, environment: [String: String]) throws -> TestSupport.ProcessResult {
        try TestSupport.run(GitFixture.git, ["commit", "-q", "-m", "Change the program"], in: fixture.url, environment: environment)
    }

    @Test func theHookDefinitionIsWhatTheDocumentationPromises() throws {
        let text = try String(contentsOf: Self.hooksFile, encoding: .utf8)
        #expect(text.contains("- id: vouch-lint"))
        #expect(text.contains("entry: vouch lint --staged"))
        #expect(text.contains("pass_filenames: false"))
        #expect(text.contains("language: system"))
    }

    @Test func aLocalHookWithTheSameEntryRefusesABrokenControl() throws {
        let preCommit = try #require(Self.preCommit)
        let cache = try TemporaryDirectory("vouch-pre-commit")
        let environment = Self.environment(cache: cache.url)
        let fixture = try CIFixtures.starterRepository()
        // The published definition, as a local hook (pre-commit runs `repo: local` without fetching).
        let definition = try String(contentsOf: Self.hooksFile, encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains("minimum_pre_commit_version") }
            .map { "    " + $0 }.joined(separator: "\n")
        try fixture.commit("Run Vouch from pre-commit", files: [".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks:\n\(definition)\n"])
        let install = try TestSupport.run(preCommit, ["install"], in: fixture.url, environment: environment)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")

        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "-A"])
        let refused = try Self.commit(fixture, environment: environment)
        #expect(refused.status != 0)
        #expect((refused.stdout + refused.stderr).contains("controls/cm-99.md:"))

        try fixture.write(["controls/cm-99.md": CIFixtures.cleanControl.replacingOccurrences(of: "CM-98", with: "CM-99")])
        try fixture.run(["add", "-A"])
        let clean = try Self.commit(fixture, environment: environment)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }

    @Test func tryRepoUsesThePublishedDefinition() throws {
        let preCommit = try #require(Self.preCommit)
        let cache = try TemporaryDirectory("vouch-pre-commit")
        let environment = Self.environment(cache: cache.url)
        // A repository publishing the hook, as this one does.
        let hooks = try GitFixture()
        try hooks.commit("Publish the hook", files: [".pre-commit-hooks.yaml": try String(contentsOf: Self.hooksFile, encoding: .utf8)])

        let fixture = try CIFixtures.starterRepository()
        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "-A"])
        let refused = try TestSupport.run(preCommit, ["try-repo", hooks.url.path, "vouch-lint"], in: fixture.url, environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stdout.contains("controls/cm-99.md:"), "\(refused.stdout)\(refused.stderr)")

        try fixture.write(["controls/cm-99.md": CIFixtures.cleanControl.replacingOccurrences(of: "CM-98", with: "CM-99")])
        try fixture.run(["add", "-A"])
        let clean = try TestSupport.run(preCommit, ["try-repo", hooks.url.path, "vouch-lint"], in: fixture.url, environment: environment)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }
}

enum PreCommitTool {
    /// `pre-commit` on PATH, as the test set-up installs it.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pre-commit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()
}

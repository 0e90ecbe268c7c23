import Foundation
import Testing
import VouchKit

/// `vouch hook install|uninstall`, exercised through real `git commit`s.
@Suite struct HookTests {
    /// Runs `git commit` in `directory` and returns the result (not failing the test on refusal).
    static func commit(_ message: String, in directory: URL, arguments: [String] = [], environment: [String: String] = [:]) throws -> TestSupport.ProcessResult {
        try TestSupport.run(GitFixture.git, ["commit", "-q", "-m", message] + arguments, in: directory, environment: environment)
    }

    // git sends a hook's standard output to its standard error, so the tests read stderr.

    static func hook(_ fixture: GitFixture) -> URL { fixture.url.appendingPathComponent(".git/hooks/pre-commit") }

    static func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func refusesABrokenControlPassesACleanOneAndCanBeBypassed() throws {
        let fixture = try CIFixtures.starterRepository()
        let install = try TestSupport.vouch(["hook", "install"], in: fixture.url)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(PreCommitHook.isVouchHook(at: Self.hook(fixture)))
        #expect(try Self.contents(Self.hook(fixture)).contains(TestSupport.vouchBinary.path), "the binary's absolute path is recorded")

        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "-A"])
        let refused = try Self.commit("Add a broken control", in: fixture.url)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("controls/cm-99.md:"))
        #expect(refused.stderr.contains("git commit --no-verify"), "the bypass hint")
        #expect(refused.stderr.contains("evidence"))

        let bypassed = try Self.commit("Emergency", in: fixture.url, arguments: ["--no-verify"])
        #expect(bypassed.status == 0)

        try fixture.write(["controls/cm-99.md": CIFixtures.cleanControl.replacingOccurrences(of: "CM-98", with: "CM-99")])
        try fixture.run(["add", "-A"])
        let clean = try Self.commit("Fix the control", in: fixture.url)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }

    @Test func checksWhatCommitDashAWillRecordInALinkedWorktree() throws {
        let fixture = try CIFixtures.starterRepository()
        let folder = try TemporaryDirectory("vouch-worktree")
        let linked = folder.url.appendingPathComponent("feature")
        try fixture.run(["worktree", "add", "-q", "-b", "feature", linked.path])
        // Installed from the linked worktree, the hook lands in the hooks folder they share.
        #expect(try TestSupport.vouch(["hook", "install"], in: linked).status == 0)
        #expect(PreCommitHook.isVouchHook(at: Self.hook(fixture)))
        let control = linked.appendingPathComponent("controls/cm-01-change-review.md")
        let text = try Self.contents(control)
        try Data(text.replacingOccurrences(of: "\nowner:", with: "\nowner_removed:").utf8).write(to: control)
        let refused = try Self.commit("Drop the owner", in: linked, arguments: ["-a"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("cm-01-change-review.md"))
    }

    @Test func checksOnlyWhatCommitPathsWillRecord() throws {
        let fixture = try CIFixtures.starterRepository()
        #expect(try TestSupport.vouch(["hook", "install"], in: fixture.url).status == 0)
        // A broken control is staged, but `git commit PATH` records only PATH (git hands the hook a
        // temporary index through GIT_INDEX_FILE), so this commit is clean.
        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl, "controls/cm-98.md": CIFixtures.cleanControl])
        try fixture.run(["add", "controls/cm-99.md"])
        try fixture.run(["add", "-N", "controls/cm-98.md"])
        let partial = try Self.commit("Add a clean control only", in: fixture.url, arguments: ["--", "controls/cm-98.md"])
        #expect(partial.status == 0, "\(partial.stderr)")
        // The broken control is still staged and is refused on the next plain commit.
        let rest = try Self.commit("Add the rest", in: fixture.url)
        #expect(rest.status != 0)
        #expect(rest.stderr.contains("controls/cm-99.md:"))
    }

    @Test func neverOverwritesAForeignHookAndForceKeepsItRunningFirst() throws {
        let fixture = try CIFixtures.starterRepository()
        let hook = Self.hook(fixture)
        let foreign = "#!/bin/sh\necho previous-hook-ran\nexit 0\n"
        try TestSupport.write([".git/hooks/pre-commit": foreign], to: fixture.url)
        chmod(hook.path, 0o755)

        let refused = try TestSupport.vouch(["hook", "install"], in: fixture.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        #expect(try Self.contents(hook) == foreign)

        #expect(try TestSupport.vouch(["hook", "install", "--force"], in: fixture.url).status == 0)
        let previous = hook.deletingLastPathComponent().appendingPathComponent(PreCommitHook.previousName)
        #expect(try Self.contents(previous) == foreign)
        #expect(try TestSupport.vouch(["hook", "install", "--force"], in: fixture.url).status == 0, "reinstalling over Vouch's own hook is fine")
        #expect(try Self.contents(previous) == foreign)

        try fixture.write(["controls/cm-98.md": CIFixtures.cleanControl])
        try fixture.run(["add", "-A"])
        let commit = try Self.commit("Add a control", in: fixture.url)
        #expect(commit.status == 0)
        #expect(commit.stderr.contains("previous-hook-ran"))

        // A failing kept hook refuses the commit before Vouch runs.
        try Data("#!/bin/sh\necho previous-hook-refused\nexit 3\n".utf8).write(to: previous)
        try fixture.write(["controls/cm-98.md": CIFixtures.cleanControl + "More.\n"])
        try fixture.run(["add", "-A"])
        let stopped = try Self.commit("Change it", in: fixture.url)
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("previous-hook-refused"))
        #expect(!stopped.stderr.contains("No findings"))

        let uninstall = try TestSupport.vouch(["hook", "uninstall"], in: fixture.url)
        #expect(uninstall.status == 0)
        #expect(uninstall.stdout.contains("put back"))
        #expect(try Self.contents(hook).contains("previous-hook-refused"))
        #expect(!FileManager.default.fileExists(atPath: previous.path))
    }

    @Test func uninstallRemovesOnlyVouchsHook() throws {
        let fixture = try CIFixtures.starterRepository()
        #expect(try TestSupport.vouch(["hook", "uninstall"], in: fixture.url).stdout.contains("nothing to remove"))
        #expect(try TestSupport.vouch(["hook", "install"], in: fixture.url).status == 0)
        #expect(try TestSupport.vouch(["hook", "uninstall"], in: fixture.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: Self.hook(fixture).path))

        try TestSupport.write([".git/hooks/pre-commit": "#!/bin/sh\nexit 0\n"], to: fixture.url)
        let foreign = try TestSupport.vouch(["hook", "uninstall"], in: fixture.url)
        #expect(foreign.status == 0)
        #expect(foreign.stdout.contains("not written by Vouch"))
        #expect(FileManager.default.fileExists(atPath: Self.hook(fixture).path))
    }

    @Test func honoursCoreHooksPathRelativeToTheWorkTree() throws {
        let fixture = try CIFixtures.starterRepository()
        try fixture.run(["config", "core.hooksPath", ".githooks"])
        let controls = fixture.url.appendingPathComponent("controls")
        // Run from a subfolder: the relative hooks path is still resolved against the work tree root.
        #expect(try TestSupport.vouch(["hook", "install"], in: controls).status == 0)
        let hook = fixture.url.appendingPathComponent(".githooks/pre-commit")
        #expect(PreCommitHook.isVouchHook(at: hook))
        #expect(!FileManager.default.fileExists(atPath: Self.hook(fixture).path))
        try fixture.write(["controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "controls"])
        #expect(try Self.commit("Broken", in: fixture.url).status != 0)

        let elsewhere = try TemporaryDirectory("vouch-hooks")
        try fixture.run(["config", "core.hooksPath", elsewhere.url.path])
        let outside = try TestSupport.vouch(["hook", "install"], in: fixture.url)
        #expect(outside.status == 0)
        #expect(outside.stderr.contains("outside this repository"))
        #expect(PreCommitHook.isVouchHook(at: elsewhere.url.appendingPathComponent("pre-commit")))
    }

    @Test func findsVouchOnPathWhenTheRecordedBinaryIsGone() throws {
        let fixture = try CIFixtures.starterRepository(in: "compliance")
        let hooks = try #require(try Repository.discover(from: fixture.url.path)).hooksDirectory
        _ = try PreCommitHook.install(in: hooks, vouchPath: "/nonexistent/vouch", programPath: "compliance", force: false)
        try fixture.write(["compliance/controls/cm-99.md": CIFixtures.brokenControl])
        try fixture.run(["add", "-A"])
        let path = TestSupport.vouchBinary.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let refused = try Self.commit("Broken", in: fixture.url, environment: ["PATH": path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("controls/cm-99.md:"))
        let missing = try Self.commit("Broken", in: fixture.url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no 'vouch' is on PATH"))
    }

    @Test func theHookQuotesPathsForTheShell() throws {
        let script = PreCommitHook.script(vouchPath: "/opt/it's here/vouch", programPath: "")
        #expect(script.contains("vouch='/opt/it'\\''s here/vouch'"))
        #expect(script.contains("lint --staged --root '.'"))
        #expect(script.hasPrefix("#!/bin/sh\n\(PreCommitHook.marker)\n"))
    }
}

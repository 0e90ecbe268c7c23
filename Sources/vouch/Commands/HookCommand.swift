import ArgumentParser
import Foundation
import VouchKit

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove the git pre-commit hook that runs 'vouch lint --staged'.",
        subcommands: [HookInstallCommand.self, HookUninstallCommand.self]
    )
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write the pre-commit hook into the repository's hooks folder (honouring core.hooksPath).",
        discussion: """
            Never overwrites a hook Vouch did not write: without --force it refuses; with --force it \
            keeps that hook as pre-commit.vouch-previous and runs it first. The hook records this \
            vouch binary's path and falls back to 'vouch' on PATH.
            Exit status: 0 installed, 2 refused or not in a repository.
            """
    )

    @OptionGroup var program: ProgramOptions

    @Flag(help: "Keep an existing hook Vouch did not write and run it before Vouch.")
    var force = false

    func run() throws {
        let (location, repository) = try program.workspace.locateInRepository()
        let hooks = try repository.hooksDirectory
        let outcome = try PreCommitHook.install(in: hooks, vouchPath: Self.executablePath(), programPath: location.pathInRepository ?? "", force: force)
        let hook = hooks.appendingPathComponent(PreCommitHook.hookName).path
        switch outcome {
        case .installed: print("Installed the pre-commit hook at \(hook).")
        case .updated: print("Updated Vouch's pre-commit hook at \(hook).")
        case .installedKeepingPrevious: print("Installed the pre-commit hook at \(hook); the hook that was there runs first, from \(PreCommitHook.previousName).")
        }
        let folder = location.pathInRepository ?? ""
        print("Each commit now runs 'vouch lint --staged' on the program in \(folder.isEmpty ? "the repository root" : folder).")
        if !Self.isInside(hooks, repository) {
            Terminal.warning("core.hooksPath points outside this repository (\(hooks.path)); every repository using that folder now runs this hook")
        }
    }

    /// This binary as it was invoked (a package manager's stable link rather than the versioned
    /// file behind it), made absolute; the running executable when that cannot be told.
    static func executablePath() -> String {
        let invoked = CommandLine.arguments.first ?? ""
        if invoked.contains("/") {
            return URL(fileURLWithPath: invoked, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)).standardizedFileURL.path
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in searchPath.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/\(invoked)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return Bundle.main.executableURL?.path ?? invoked
    }

    static func isInside(_ folder: URL, _ repository: Repository) -> Bool {
        let path = folder.resolvingSymlinksInPath().path + "/"
        let roots = [repository.workingDirectory, repository.commonDirectory].compactMap { $0?.resolvingSymlinksInPath().path }
        return roots.contains { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
}

struct HookUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove Vouch's pre-commit hook, and only it; put back a hook that 'install --force' kept.",
        discussion: "Exit status: 0 removed or nothing to remove, 2 not in a repository."
    )

    @OptionGroup var program: ProgramOptions

    func run() throws {
        let repository = try program.workspace.workTreeRepository()
        let hooks = try repository.hooksDirectory
        let hook = hooks.appendingPathComponent(PreCommitHook.hookName).path
        let outcome = try PreCommitHook.uninstall(from: hooks)
        switch outcome {
        case .removed: print("Removed Vouch's pre-commit hook from \(hook).")
        case .removedRestoringPrevious: print("Removed Vouch's pre-commit hook and put back the hook it had kept at \(hook).")
        case .notInstalled: print("No Vouch pre-commit hook in \(hooks.path); nothing to remove.")
        case .foreignHookLeft: print("The pre-commit hook at \(hook) was not written by Vouch; left it alone.")
        }
    }
}

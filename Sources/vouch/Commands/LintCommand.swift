import ArgumentParser
import Foundation
import VouchKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the program files against the schema and the coverage rules.",
        discussion: """
            Reads the whole program (coverage needs all of it) and reports findings in the given \
            files or folders, or everywhere when none are given. With --staged, reads the program \
            as it will be committed, from git's index: what a pre-commit hook must check.
            Exit status: 0 clean, 1 an error (or, with --strict, a warning), 2 configuration or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions

    @Argument(help: "Files or folders to report on, relative to the current folder.")
    var paths: [String] = []

    @Flag(help: "Lint the staged files (git's index, honouring GIT_INDEX_FILE) instead of the work tree.")
    var staged = false

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var report: ReportOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let root: URL
        let programPath: String
        let lint: LintReport
        if staged {
            // The hook's hot path: no history walk, so policy reviews get the date-only check here
            // and their approvals are checked by `vouch lint` and `vouch check` on the committed history.
            let location = try program.workspace.locateStaged(environment: environment)
            lint = try Linter.lint(location.source, options: LintOptions(today: judging.today))
            (root, programPath) = (location.root, location.pathInRepository)
        } else {
            let (location, loaded) = try program.workspace.loadProgram()
            lint = Linter.lint(loaded, options: LintCommand.options(of: loaded, at: location, today: judging.today))
            (root, programPath) = (location.root, location.pathInRepository ?? "")
        }
        try report.finish(lint.limited(to: try relativePaths(paths, root: root)), programPath: programPath)
    }

    /// What the program rules judge with: the day, and the evidence git history holds (policy
    /// approvals, acknowledgements, accepted risks' approvals) when the program is in a repository.
    static func options(of program: Program, at location: ProgramLocation, today: CalendarDate) -> LintOptions {
        let history = policyHistory(of: program, at: location)
        return LintOptions(today: today, policyHistory: history, registers: registerEvidence(of: program, at: location, policyHistory: history))
    }

    /// Register evidence from git (nil outside a repository, or when it cannot be read, which is said
    /// on standard error).
    static func registerEvidence(of program: Program, at location: ProgramLocation, policyHistory: [String: PolicyApprovalRecord]?) -> RegisterEvidence? {
        guard let policyHistory, let prefix = location.pathInRepository, let repository = Workspace.repository(of: location) else { return nil }
        do {
            return try RegisterEvidence.read(program: program, repository: repository, programPrefix: prefix, policyHistory: policyHistory)
        } catch {
            Terminal.warning("acknowledgements and risk approvals were not read from git history: \(error)")
            return nil
        }
    }

    /// Policy approvals from git history when the program is in a repository with commits; nil
    /// (the date-only review check) outside git, before the first commit, or when the history
    /// cannot be read completely, which is said on standard error.
    static func policyHistory(of program: Program, at location: ProgramLocation) -> [String: PolicyApprovalRecord]? {
        guard let prefix = location.pathInRepository, let repository = Workspace.repository(of: location) else { return nil }
        do {
            return try PolicyHistory.read(program: program, repository: repository, programPrefix: prefix)
        } catch {
            Terminal.warning("policy approvals were not read from git history: \(error)")
            return nil
        }
    }
}

/// Turns paths given on the command line into paths relative to the program root.
func relativePaths(_ paths: [String], root: URL) throws -> [String] {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let rootPath = root.standardizedFileURL.path
    return try paths.map { path in
        let absolute = URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL.path
        if absolute == rootPath { return "." }
        guard absolute.hasPrefix(rootPath + "/") else {
            throw ValidationError("'\(path)' is outside the program at \(rootPath)")
        }
        return String(absolute.dropFirst(rootPath.count + 1))
    }
}

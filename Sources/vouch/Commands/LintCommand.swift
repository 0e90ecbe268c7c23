import ArgumentParser
import Foundation
import VouchKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the program files against the schema and the coverage rules.",
        discussion: """
            Reads the whole program (coverage needs all of it) and reports findings in the given \
            files or folders, or everywhere when none are given.
            Exit status: 0 clean, 1 an error (or, with --strict, a warning), 2 configuration or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions

    @Argument(help: "Files or folders to report on, relative to the current folder.")
    var paths: [String] = []

    @Option(help: "Output format.")
    var format: FindingFormat = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    func run() throws {
        let (location, loaded) = try program.loadProgram()
        let options = LintOptions(policyHistory: LintCommand.policyHistory(of: loaded, at: location))
        let report = Linter.lint(loaded, options: options).limited(to: try relativePaths(paths, root: location.root))
        try Terminal.emit(FindingReporter.render(report, format: format, style: Terminal.style()), to: nil)
        throw ExitCode(LintCommand.exitStatus(for: report, strict: strict))
    }

    /// Policy approvals from git history when the program is in a repository with commits; nil
    /// (the date-only review check) outside git, before the first commit, or when the history
    /// cannot be read completely, which is said on standard error.
    static func policyHistory(of program: Program, at location: ProgramLocation) -> [String: PolicyApprovalRecord]? {
        guard let prefix = location.pathInRepository, let repository = try? Repository.discover(from: location.root.path) else { return nil }
        do {
            return try PolicyHistory.read(program: program, repository: repository, programPrefix: prefix)
        } catch {
            Terminal.warning("policy approvals were not read from git history: \(error)")
            return nil
        }
    }

    static func exitStatus(for report: LintReport, strict: Bool) -> Int32 {
        if report.configurationFailed { return ExitStatus.usage }
        let summary = report.summary
        if summary.errors > 0 || (strict && summary.warnings > 0) { return ExitStatus.findings }
        return ExitStatus.clean
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

import ArgumentParser
import Foundation
import VouchKit

/// How a command that reports findings writes them and which findings fail it; shared by
/// `vouch lint` and `vouch check`.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format. Default: text, or github annotations when GITHUB_ACTIONS=true.", valueName: "format"))
    var format: FindingFormat?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    /// The format asked for; without one, GitHub Actions gets annotations on the changed files.
    func resolvedFormat(environment: [String: String] = ProcessInfo.processInfo.environment) -> FindingFormat {
        format ?? (CIEnvironment.detect(environment) == .githubActions ? .github : .text)
    }

    /// Writes the report where asked, then ends the command with the status it calls for.
    func finish(_ report: LintReport, programPath: String) throws -> Never {
        let context = Self.context(programPath: programPath, strict: strict)
        let style = output == nil ? Terminal.style() : TextStyle(color: false)
        try Terminal.emit(FindingReporter.render(report, format: resolvedFormat(), context: context, style: style), to: output)
        throw ExitCode(Self.exitStatus(for: report, strict: strict))
    }

    static func context(programPath: String, strict: Bool = false) -> ReportContext {
        ReportContext(toolVersion: VouchVersion.current, programPath: programPath, failureThreshold: strict ? .warning : .error)
    }

    static func exitStatus(for report: LintReport, strict: Bool) -> ExitStatus {
        if report.configurationFailed { return .failure }
        let summary = report.summary
        if summary.errors > 0 || (strict && summary.warnings > 0) { return .findings }
        return .clean
    }
}

import ArgumentParser
import Foundation
import VouchKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "One gate for CI: lint the program and, for a range or period, check the change-management evidence of its changes.",
        discussion: """
            Without --range or --since/--until, only the program files are checked: what a pull \
            request needs (its commits have not landed; the merge is their review evidence). After a \
            push to the main branch, --range BEFORE..AFTER evaluates what landed. The history must be \
            complete: a shallow clone is refused.
            Exit status: 0 clean, 1 findings (with --strict, warnings too), 2 usage, configuration or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var changeOptions: ChangeOptions

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var report: ReportOptions

    /// Without a range or period, the check lints only.
    var changes: Check.Changes? {
        changeOptions.selection.map { Check.Changes(selection: $0, branch: changeOptions.branch, now: Timestamp(seconds: Int64(Date().timeIntervalSince1970))) }
    }

    func run() throws {
        let (location, loaded) = try program.workspace.loadProgram()
        let options = LintCommand.options(of: loaded, at: location, today: judging.today)
        let checked = try Check.run(loaded, in: location, changes: changes, environment: ProcessInfo.processInfo.environment, options: options)
        for warning in checked.warnings { Terminal.warning(warning) }
        try report.finish(checked, programPath: location.pathInRepository ?? "")
    }
}

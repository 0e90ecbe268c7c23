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

    @Option(help: ArgumentHelp("The changes to evaluate as a revision range OLD..NEW: the first-parent changes of NEW not in OLD.", valueName: "range"))
    var range: String?

    @Option(help: ArgumentHelp("Evaluate the changes landed on or after this day (YYYY-MM-DD, UTC). Default with --until: the report period's start.", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("Evaluate the changes landed on or before this day (YYYY-MM-DD, UTC). Default with --since: the report period's end.", valueName: "date"))
    var until: CalendarDate?

    @Option(help: ArgumentHelp("The branch whose changes a period covers. Default: change_management.branch, else the branch HEAD is on.", valueName: "name"))
    var branch: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if range != nil, since != nil || until != nil {
            throw ValidationError("--range and --since/--until select changes in two different ways; give one or the other")
        }
        if let since, let until, until < since {
            throw ValidationError("--until (\(until)) is before --since (\(since))")
        }
    }

    var changes: Check.Changes? {
        let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        if let range { return Check.Changes(selection: .range(range), branch: branch, now: now) }
        if since != nil || until != nil { return Check.Changes(selection: .period(since: since, until: until), branch: branch, now: now) }
        return nil
    }

    func run() throws {
        let (location, loaded) = try program.loadProgram()
        let options = LintOptions(policyHistory: LintCommand.policyHistory(of: loaded, at: location))
        let checked: LintReport
        do {
            checked = try gitCall { try Check.run(loaded, in: location, changes: changes, environment: ProcessInfo.processInfo.environment, options: options) }
        } catch let error as CheckError {
            throw CommandFailure(error.description)
        }
        try report.finish(checked, programPath: location.pathInRepository ?? "")
    }
}

import ArgumentParser
import Foundation
import VouchKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "One gate for CI: lint the program and, for a range or period, check the change-management evidence of its changes.",
        discussion: """
            Without --range or --since/--until, only the program files are checked. For a pull \
            request use --range BASE..HEAD (the target branch's commit and the pull request's); for a \
            push to the main branch, --range BEFORE..AFTER (the pushed commits). The history must be \
            complete: a shallow clone is refused.
            Exit status: 0 clean, 1 findings (with --strict, warnings too), 2 usage, configuration or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions

    @Option(help: ArgumentHelp("The changes to evaluate as a revision range, e.g. origin/main..HEAD.", valueName: "A..B"))
    var range: String?

    @Option(help: ArgumentHelp("Evaluate the changes landed on or after this day (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Evaluate the changes landed on or before this day (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if range != nil, since != nil || until != nil {
            throw ValidationError("--range and --since/--until select changes in two different ways; give one or the other")
        }
        if let range, range.isEmpty || !range.contains("..") {
            throw ValidationError("--range takes a revision range A..B (e.g. origin/main..HEAD), not '\(range)'")
        }
        let (start, end) = try (Self.day(since, "--since"), Self.day(until, "--until"))
        if let start, let end, end < start {
            throw ValidationError("--until \(end) is before --since \(start)")
        }
    }

    static func day(_ text: String?, _ option: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(text) else { throw ValidationError("\(option) takes a day as YYYY-MM-DD, not '\(text)'") }
        return date
    }

    var selection: ChangeSelection? {
        if let range { return .range(range) }
        if since != nil || until != nil { return .period(since: try? Self.day(since, ""), until: try? Self.day(until, "")) }
        return nil
    }

    func run() throws {
        let (location, loaded) = try program.loadProgram()
        let checked: LintReport
        do {
            checked = try Check.run(loaded, in: location, changes: selection, environment: ProcessInfo.processInfo.environment)
        } catch let error as CheckError {
            throw CommandFailure(error.description)
        } catch let error as GitError {
            throw CommandFailure(error.description)
        }
        try report.finish(checked, programPath: location.programPath)
    }
}

import ArgumentParser
import VouchKit

struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every periodic control's expected occurrences in the Type 2 period, with status and record.",
        discussion: """
            Statuses: recorded, late (performed after its due date), exception (result: exceptions), \
            missing (past its due date with no record, or not performed), due (begun, not yet due), \
            upcoming. Text shows one calendar line per control, then the counts and every missing, \
            late and exception occurrence, and those begun and not yet recorded (due).
            Exit status: 0 nothing missing, 1 an occurrence is missing, 2 usage or configuration error.
            """
    )

    @Option(name: .customLong("control"), help: ArgumentHelp("Only this control (repeatable).", valueName: "id"))
    var controls: [String] = []

    @OptionGroup var judging: JudgingOptions

    @Option(help: "Output format.")
    var format: RunsFormat = .text

    @OptionGroup var program: ProgramOptions

    func run() throws {
        let (_, loaded, calendar) = try RunsCommand.calendar(program, on: judging.today)
        let selected = try RunsCommand.select(controls, in: calendar, program: loaded)
        print(RunCalendarReporter.render(calendar, controls: selected, format: format), terminator: "")
        if calendar.count(.missing, in: selected) > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}

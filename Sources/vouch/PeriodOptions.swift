import ArgumentParser
import VouchKit

/// `--since` and `--until`: a period of days, shared by the commands that read changes by date.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD, UTC). Default: the report period in vouch.yml.", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD, UTC), included.", valueName: "date"))
    var until: CalendarDate?

    func validate() throws {
        if let since, let until, until < since { throw ValidationError("--until (\(until)) is before --since (\(since))") }
    }
}

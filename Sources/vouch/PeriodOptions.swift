import ArgumentParser
import VouchKit

/// `--since` and `--until`: a period of days, shared by the commands that read changes by date.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD, UTC). Default: the report period in vouch.yml.", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD, UTC), included.", valueName: "date"))
    var until: CalendarDate?

    /// The days asked for: each end given, the other from `report`; the report period when
    /// neither is given.
    func days(defaultingTo report: ReportPeriod?) throws -> ReportPeriod {
        guard let start = since ?? report?.start, let end = until ?? report?.end else {
            throw CommandFailure("no report period in vouch.yml; pass --since and --until")
        }
        guard start <= end else { throw ValidationError("the period would start on \(start), after it ends on \(end)") }
        return ReportPeriod(start: start, end: end)
    }

    func validate() throws {
        if let since, let until, until < since { throw ValidationError("--until (\(until)) is before --since (\(since))") }
    }
}

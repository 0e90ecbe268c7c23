import ArgumentParser
import VouchKit

/// The day that rules judged by date (policy reviews, runs, vendor reports, acknowledgements)
/// are judged on; shared by every command that judges, so tests and auditors can fix it.
struct JudgingOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge everything that depends on the date as of this day (YYYY-MM-DD) instead of today.", valueName: "date"))
    var asOf: CalendarDate?

    /// The day the linter treats as today.
    var today: CalendarDate { asOf ?? .today }
}

import ArgumentParser
import VouchKit

/// Which git changes a command evaluates: a period of the branch, or a revision range; shared by
/// `vouch evidence` and `vouch check`.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var period: PeriodOptions
    var since: CalendarDate? { period.since }
    var until: CalendarDate? { period.until }

    @Option(help: ArgumentHelp("A revision range OLD..NEW instead of a period: the first-parent changes of NEW not in OLD.", valueName: "range"))
    var range: String?

    @Option(help: ArgumentHelp("The branch to read. Default: change_management.branch, else the branch HEAD is on.", valueName: "name"))
    var branch: String?

    func validate() throws {
        if range != nil, since != nil || until != nil { throw ValidationError("--range replaces --since and --until; give one or the other") }
    }

    /// The changes asked for; nil when neither a range nor a period end was given.
    var selection: EvidenceRequest.Selection? {
        if let range { return .range(range) }
        if since != nil || until != nil { return .period(since: since, until: until) }
        return nil
    }
}

/// One expected operation of a periodic control, named by its frequency: `2026` (annually),
/// `2026-Q1` (quarterly, and continuous controls, shown working once a quarter), `2026-03`
/// (monthly), `2026-W07` (weekly, ISO 8601 weeks starting on Monday) or `2026-03-14` (daily).
public struct RunOccurrence: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var name: String
    /// The first and last day of the occurrence, both included.
    public var start: CalendarDate
    public var end: CalendarDate

    public var description: String { name }

    public static func < (lhs: RunOccurrence, rhs: RunOccurrence) -> Bool { lhs.start < rhs.start }

    /// The occurrence cadence a frequency expects records at; nil for `per-change`, whose evidence
    /// is the change population.
    public static func cadence(of frequency: ControlFrequency) -> ControlFrequency? {
        switch frequency {
        case .perChange: nil
        case .continuous: .quarterly
        default: frequency
        }
    }

    /// How an occurrence of this frequency is written, for messages.
    public static func pattern(of frequency: ControlFrequency) -> String {
        switch cadence(of: frequency) {
        case .annually?: "YYYY, e.g. 2026"
        case .quarterly?: "YYYY-QN, e.g. 2026-Q1"
        case .monthly?: "YYYY-MM, e.g. 2026-03"
        case .weekly?: "an ISO week YYYY-WNN, e.g. 2026-W07"
        case .daily?: "YYYY-MM-DD, e.g. 2026-03-14"
        default: "nothing: per-change controls keep the change population, not run records"
        }
    }

    /// Reads an occurrence name written for a control of `frequency`; nil if it does not fit.
    public init?(_ text: String, frequency: ControlFrequency) {
        guard let cadence = Self.cadence(of: frequency) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), first.allSatisfy(\.isASCII) else { return nil }
        switch (cadence, parts.count) {
        case (.annually, 1):
            self.init(name: text, start: CalendarDate(year: year, month: 1, day: 1), end: CalendarDate(year: year, month: 12, day: 31))
        case (.quarterly, 2):
            guard parts[1].count == 2, parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            self = Self.quarter(year, quarter)
        case (.monthly, 2):
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = Self.month(year, month)
        case (.weekly, 2):
            guard parts[1].count == 3, parts[1].first == "W", let week = Int(parts[1].dropFirst()), week >= 1, week <= Self.isoWeeks(in: year) else { return nil }
            self = Self.week(year, week)
        case (.daily, 3):
            guard let date = CalendarDate(text), date.description == text else { return nil }
            self.init(name: text, start: date, end: date)
        default:
            return nil
        }
    }

    public init(name: String, start: CalendarDate, end: CalendarDate) {
        self.name = name
        self.start = start
        self.end = end
    }

    /// The occurrence of `frequency` that contains `date`; nil for per-change.
    public static func containing(_ date: CalendarDate, frequency: ControlFrequency) -> RunOccurrence? {
        switch cadence(of: frequency) {
        case .annually?: RunOccurrence("\(pad(date.year, 4))", frequency: frequency)
        case .quarterly?: quarter(date.year, (date.month - 1) / 3 + 1)
        case .monthly?: month(date.year, date.month)
        case .weekly?: week(containing: date)
        case .daily?: RunOccurrence(name: date.description, start: date, end: date)
        default: nil
        }
    }

    /// The occurrence after this one.
    public func next(frequency: ControlFrequency) -> RunOccurrence? {
        Self.containing(end.adding(days: 1), frequency: frequency)
    }

    /// Every occurrence of `frequency` that overlaps `period`, in order.
    public static func all(_ frequency: ControlFrequency, overlapping period: ReportPeriod) -> [RunOccurrence] {
        guard var occurrence = containing(period.start, frequency: frequency) else { return [] }
        var occurrences: [RunOccurrence] = []
        while occurrence.start <= period.end {
            occurrences.append(occurrence)
            guard let next = occurrence.next(frequency: frequency) else { break }
            occurrence = next
        }
        return occurrences
    }

    static func quarter(_ year: Int, _ quarter: Int) -> RunOccurrence {
        let start = CalendarDate(year: year, month: quarter * 3 - 2, day: 1)
        let end = quarter == 4 ? CalendarDate(year: year, month: 12, day: 31) : CalendarDate(year: year, month: quarter * 3 + 1, day: 1).adding(days: -1)
        return RunOccurrence(name: "\(pad(year, 4))-Q\(quarter)", start: start, end: end)
    }

    static func month(_ year: Int, _ month: Int) -> RunOccurrence {
        let start = CalendarDate(year: year, month: month, day: 1)
        let end = month == 12 ? CalendarDate(year: year, month: 12, day: 31) : CalendarDate(year: year, month: month + 1, day: 1).adding(days: -1)
        return RunOccurrence(name: "\(pad(year, 4))-\(pad(month, 2))", start: start, end: end)
    }

    /// Monday of ISO week 1: the week holding the year's first Thursday.
    static func isoWeekOneMonday(_ year: Int) -> CalendarDate {
        let january4 = CalendarDate(year: year, month: 1, day: 4)
        return january4.adding(days: -weekdayIndex(january4))
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    static func weekdayIndex(_ date: CalendarDate) -> Int {
        ((date.dayNumber + 3) % 7 + 7) % 7
    }

    static func isoWeeks(in year: Int) -> Int {
        isoWeekOneMonday(year).days(until: isoWeekOneMonday(year + 1)) / 7
    }

    static func week(_ year: Int, _ week: Int) -> RunOccurrence {
        let start = isoWeekOneMonday(year).adding(days: (week - 1) * 7)
        return RunOccurrence(name: "\(pad(year, 4))-W\(pad(week, 2))", start: start, end: start.adding(days: 6))
    }

    static func week(containing date: CalendarDate) -> RunOccurrence {
        var year = date.year
        if date < isoWeekOneMonday(year) { year -= 1 } else if date >= isoWeekOneMonday(year + 1) { year += 1 }
        return week(year, isoWeekOneMonday(year).days(until: date) / 7 + 1)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        CalendarDate.zeroPadded(number, width: width)
    }
}

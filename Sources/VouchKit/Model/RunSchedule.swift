/// A control's `runs:` settings: when each occurrence's record is due, whether a reviewer must
/// sign it off, and from which day runs are expected.
public struct RunSchedule: Sendable {
    /// Days after an occurrence ends by which it must be performed.
    public var dueDays: Int
    public var reviewerRequired: Bool
    /// No occurrence that ends before this day is expected (a control introduced mid-period).
    public var starts: CalendarDate?
    public var location: SourceLocation?

    public init(dueDays: Int, reviewerRequired: Bool = true, starts: CalendarDate? = nil, location: SourceLocation? = nil) {
        self.dueDays = dueDays
        self.reviewerRequired = reviewerRequired
        self.starts = starts
        self.location = location
    }

    /// Days of grace after an occurrence ends, by frequency: daily 1, weekly 3, monthly 10,
    /// quarterly and continuous 30, annually 60.
    public static func defaultDueDays(for frequency: ControlFrequency) -> Int {
        switch frequency {
        case .daily: 1
        case .weekly: 3
        case .monthly: 10
        case .quarterly, .continuous: 30
        case .annually: 60
        case .perChange: 0
        }
    }

    /// The schedule of a control that writes no `runs:`.
    public static func defaults(for frequency: ControlFrequency) -> RunSchedule {
        RunSchedule(dueDays: defaultDueDays(for: frequency))
    }
}

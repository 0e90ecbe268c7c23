/// `review: { last, interval_days }` of a vendor or risk: when it was last reviewed and how often it must be.
public struct ReviewSchedule: Sendable {
    public var last: Located<CalendarDate>
    public var intervalDays: Int

    public var due: CalendarDate { last.value.adding(days: intervalDays) }
}

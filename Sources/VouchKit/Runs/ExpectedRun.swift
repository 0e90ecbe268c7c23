/// One occurrence a control is expected to operate in, with its due date, status and the record
/// that evidences it, if any.
public struct ExpectedRun: Sendable {
    public var occurrence: RunOccurrence
    public var due: CalendarDate
    public var status: RunStatus
    public var record: RunRecord?
}

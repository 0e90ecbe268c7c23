/// A periodic control's population of occurrences over the report period.
public struct ControlRuns: Sendable {
    public var control: Control
    public var frequency: ControlFrequency
    public var schedule: RunSchedule
    public var occurrences: [ExpectedRun]

    public var id: String { control.id.value }

    public func count(_ status: RunStatus) -> Int { occurrences.filter { $0.status == status }.count }
}

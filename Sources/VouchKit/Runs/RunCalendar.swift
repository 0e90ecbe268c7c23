/// Every periodic control's expected occurrences in the Type 2 period, matched with the run
/// records of `runs/`, judged on one day: what `vouch runs` lists, the run rules judge and the
/// export shows.
///
/// An occurrence is expected when it overlaps the period (and ends on or after the control's
/// `runs.starts`); it is due `due_days` after it ends. On the judging day it is `missing` when
/// its due date has passed without a record (or the record says `not-performed`), `due` once it
/// has begun, `upcoming` before; a record makes it `recorded`, `late` (performed after the due
/// date) or `exception` (`result: exceptions`). Occurrences a `covers:` span records are due
/// when the span's last occurrence is. Controls that are planned, not applicable or
/// per-change, and programs without a Type 2 period, expect no runs.
public struct RunCalendar: Sendable {
    public var period: ReportPeriod?
    public var judgedOn: CalendarDate
    public var controls: [ControlRuns]
    /// The records matched to an expected occurrence, by file.
    public var matchedFiles: Set<String>
    /// Every record by the occurrences it evidences, with or without a period.
    let records: RunRecordIndex

    public init(program: Program, judgedOn: CalendarDate) {
        self.judgedOn = judgedOn
        period = program.configuration.runPeriod
        controls = []
        matchedFiles = []
        records = RunRecordIndex(program: program)
        guard let period else { return }
        // Controls are independent, and a daily control alone expects 365 occurrences: spread
        // over the cores.
        let eligible = program.controls.sorted(by: { $0.id.value < $1.id.value }).filter(\.expectsRuns)
        let (records, day) = (records, judgedOn)
        let built = WorkerThread.map(eligible.count) { Self.runs(of: eligible[$0], in: period, records: records, judgedOn: day) }
        for case let runs? in built {
            controls.append(runs)
            for case let record? in runs.occurrences.lazy.map(\.record) { matchedFiles.insert(record.file) }
        }
    }

    /// One control's expected occurrences in the period with their records; nil without a frequency or schedule.
    private static func runs(of control: Control, in period: ReportPeriod, records: RunRecordIndex, judgedOn: CalendarDate) -> ControlRuns? {
        guard let frequency = control.frequency?.value, let schedule = control.runSchedule else { return nil }
        var runs = ControlRuns(control: control, frequency: frequency, schedule: schedule, occurrences: [])
        for occurrence in RunOccurrence.all(frequency, overlapping: period) {
            if let starts = schedule.starts, occurrence.end < starts { continue }
            let record = records.record(control: control.id.value, occurrence: occurrence.name)
            // A record spanning occurrences can only be written once the span has ended, so each
            // occurrence it covers is due when the span's last one is.
            let end = record.flatMap { records.spanEnd(of: $0) }.map { max($0, occurrence.end) } ?? occurrence.end
            let due = end.adding(days: schedule.dueDays)
            runs.occurrences.append(ExpectedRun(occurrence: occurrence, due: due, status: status(record: record, occurrence: occurrence, due: due, on: judgedOn), record: record))
        }
        return runs
    }

    static func status(record: RunRecord?, occurrence: RunOccurrence, due: CalendarDate, on day: CalendarDate) -> RunStatus {
        guard let record else {
            if due < day { return .missing }
            return occurrence.start <= day ? .due : .upcoming
        }
        switch record.result?.value {
        case .notPerformed?: return .missing
        case .exceptions?: return .exception
        default: break
        }
        if let performed = record.performed?.value, performed > due { return .late }
        return .recorded
    }

    /// The controls asked for (all when `ids` is empty), in id order.
    public func controls(_ ids: [String]) -> [ControlRuns] {
        ids.isEmpty ? controls : controls.filter { ids.contains($0.id) }
    }

    public func count(_ status: RunStatus, in controls: [ControlRuns]? = nil) -> Int {
        (controls ?? self.controls).reduce(0) { $0 + $1.count(status) }
    }
}

/// The run records of a program that fit their control, by control and occurrence, with a
/// `covers:` span standing for each occurrence in it. A record that fits nothing (unknown
/// control, an occurrence its frequency cannot have, a file name that disagrees) is left out, and
/// of two records for one occurrence the first by path counts: the run rules report the rest.
struct RunRecordIndex: Sendable {
    private var byOccurrence: [String: [String: RunRecord]] = [:]
    /// The last day of each spanning record's span, by file.
    private var spanEnds: [String: CalendarDate] = [:]
    /// What `RunRecordCheck` made of each record of a known control with a frequency, by file:
    /// worked out once here for the calendar and every run rule.
    private var outcomes: [String: RunRecordCheck.Outcome] = [:]

    init(program: Program) {
        let controls = Dictionary(program.controls.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let byPath = program.runs.sorted(by: { $0.file < $1.file })
        let frequencies = byPath.map { controls[$0.control.value]?.frequency?.value }
        // Each record's occurrences are worked out on its own (tens of thousands on a large
        // program), spread over the cores; the index is then filled in path order.
        let checked = WorkerThread.map(byPath.count) { index in
            frequencies[index].map { RunRecordCheck.occurrences(of: byPath[index], frequency: $0) }
        }
        for (record, outcome) in zip(byPath, checked) {
            guard let outcome else { continue }
            outcomes[record.file] = outcome
            guard case .valid(let occurrences) = outcome else { continue }
            if record.covers != nil, let last = occurrences.last { spanEnds[record.file] = last.end }
            for occurrence in occurrences where byOccurrence[record.control.value]?[occurrence.name] == nil {
                byOccurrence[record.control.value, default: [:]][occurrence.name] = record
            }
        }
    }

    func record(control: String, occurrence: String) -> RunRecord? { byOccurrence[control]?[occurrence] }

    /// The record's occurrences, or why it fits none; nil when its control is unknown or has no frequency.
    func outcome(of record: RunRecord) -> RunRecordCheck.Outcome? { outcomes[record.file] }

    func spanEnd(of record: RunRecord) -> CalendarDate? { spanEnds[record.file] }
}

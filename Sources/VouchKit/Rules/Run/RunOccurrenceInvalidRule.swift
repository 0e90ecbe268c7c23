struct RunOccurrenceInvalidRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-occurrence-invalid", severity: .error,
        summary: "A run record's occurrence fits its control's frequency and its file name, and lies inside the period",
        rationale: "Occurrences are named by frequency (annually 2026, quarterly and continuous 2026-Q1, monthly 2026-03, weekly ISO 2026-W07, daily 2026-03-14), and the file is runs/<control-id>/<occurrence>.md, so anyone can see which occurrences are evidenced. 'covers: FIRST..LAST' spans several, starting at the record's own. A record for an occurrence outside the Type 2 period (or before the control's 'runs.starts') evidences nothing the report covers.",
        passingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}")],
        failingExamples: [
            RunExample.quarterly(["2026-03": RunExample.fields("↓2026-03", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}"),
            RunExample.quarterly(["2026-Q2": RunExample.fields("↓2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}"),
            RunExample.quarterly(["2025-Q4": RunExample.fields("↓2025-Q4", performed: "2026-01-08")], control: "runs: {starts: 2026-12-01}"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        let controls = Dictionary(context.program.controls.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        return context.program.runs.compactMap { record -> Finding? in
            guard let control = controls[record.control.value], let outcome = context.runs.records.outcome(of: record) else { return nil }
            switch outcome {
            case .invalid(let message, let location):
                return finding(at: location, message)
            case .valid(let occurrences):
                guard let period = context.runs.period else { return nil }
                let starts = control.runSchedule?.starts
                let inside = occurrences.filter { occurrence in occurrence.start <= period.end && occurrence.end >= period.start && (starts.map { occurrence.end >= $0 } ?? true) }
                guard inside.isEmpty else { return nil }
                let from = max(period.start, starts ?? period.start)
                return finding(at: record.occurrence.location, "occurrence \(record.occurrence.value) is outside the period the runs are judged for (\(from) to \(period.end)); move the record to the program of its own period, or remove it")
            }
        }
    }
}

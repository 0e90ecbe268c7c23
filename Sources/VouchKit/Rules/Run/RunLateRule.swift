struct RunLateRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-late", severity: .warning,
        summary: "A run was performed after its due date",
        rationale: "A review done weeks after it was due still evidences the control, but the auditor will note the delay and may treat it as a deviation. The due date is the occurrence's end plus 'runs.due_days'.",
        passingExamples: [RunExample.quarterly(RunExample.onTime)],
        failingExamples: [RunExample.quarterly(RunExample.onTime.merging(["2026-Q2": RunExample.fields("2026-Q2", performed: "↓2026-08-20")]) { $1 })])

    func check(_ context: LintContext) -> [Finding] {
        context.runs.controls.flatMap { runs in
            runs.occurrences.compactMap { expected -> Finding? in
                guard let record = expected.record, let performed = record.performed, performed.value > expected.due,
                      record.result?.value != .notPerformed else { return nil }
                return finding(at: performed.location, "\(runs.id) \(expected.occurrence.name) was performed on \(performed.value), \(expected.due.days(until: performed.value)) days after it was due (\(expected.due)); say why in the record's body")
            }
        }
    }
}

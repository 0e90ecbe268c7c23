struct RunNotPerformedRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-not-performed", severity: .error,
        summary: "A run record says the control was not performed",
        rationale: "Writing down that a run did not happen is honest, and better than a gap: the record explains why. It is still a deviation the auditor reports, so it stays an error until the period's report acknowledges it.",
        passingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}")],
        failingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", result: "↓not-performed")], control: "runs: {starts: 2026-03-01}")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.compactMap { record in
            guard let result = record.result, result.value == .notPerformed else { return nil }
            return finding(at: result.location, "\(record.control.value) \(record.occurrence.value) was not performed; the body should say why, and the deviation goes into the report")
        }
    }
}

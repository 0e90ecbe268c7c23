struct RunInFutureRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-in-future", severity: .error,
        summary: "A run was not performed after the judging date",
        rationale: "A record dated after the day it is judged on (today, or --as-of) describes work that had not happened yet: a typo in 'performed', or evidence written ahead of time. Evidence is never written in advance.",
        passingExamples: [RunExample.quarterly(RunExample.onTime)],
        failingExamples: [RunExample.quarterly(RunExample.onTime.merging(["2026-Q4": RunExample.fields("2026-Q4", performed: "↓2026-12-20")]) { $1 })])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.compactMap { record in
            guard let performed = record.performed, performed.value > context.today else { return nil }
            return finding(at: performed.location, "run \(record.control.value) \(record.occurrence.value) is dated \(performed.value), after the judging date \(context.today); correct 'performed'")
        }
    }
}

struct RiskReviewOverdueRule: RiskRule {
    static let description = RuleDescription(
        identifier: "risk-review-overdue", severity: .warning,
        summary: "Risks are reviewed within their review interval",
        rationale: "CC3.1–CC3.4 ask for a risk assessment that is kept current: each risk is reviewed every 'review.interval_days' (365 by default). Judged as of the end of the report period, or today while it runs.",
        passingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]\nreview: { last: 2026-02-01, interval_days: 365 }")],
        failingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]\nreview: { last: ↓2025-02-01, interval_days: 365 }")])

    func check(_ context: LintContext) -> [Finding] {
        let reference = context.reviewReferenceDate
        return context.program.risks.compactMap { risk in
            guard let review = risk.review, review.due < reference else { return nil }
            return finding(at: review.last.location, "risk '\(risk.id.value)' was last reviewed on \(review.last.value) and was due again by \(review.due) (every \(review.intervalDays) days); review it and update 'review.last'")
        }
    }
}

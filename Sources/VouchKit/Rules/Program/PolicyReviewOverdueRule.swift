struct PolicyReviewOverdueRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "policy-review-overdue", severity: .warning,
        summary: "Policies are reviewed within their review interval",
        rationale: "Policies are approved at least every review interval (365 days by default, per policy with review_interval_days). Judged at the end of the report period, or today while the period runs; inside a git repository the date of the last approved change is used instead of 'effective'.",
        passingExamples: [.program(["policies/p.md": "---\nid: p\ntitle: P\nowner: CISO\napprovers: [ciso@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n"])],
        failingExamples: [.program(["policies/p.md": "---\nid: p\ntitle: P\nowner: CISO\napprovers: [ciso@example.com]\nversion: \"1\"\neffective: ↓2024-03-01\n---\nText.\n"])])

    func check(_ context: LintContext) -> [Finding] {
        let reference = context.reviewReferenceDate
        return context.program.policies.compactMap { policy in
            let interval = policy.reviewIntervalDays?.value ?? context.configuration.reviewIntervalDays
            if let history = context.policyHistory {
                // Git history knows better than the front matter; the history rules report on it.
                if history[policy.id.value] != nil { return nil }
            }
            guard let effective = policy.effective else { return nil }
            let due = effective.value.adding(days: interval)
            guard due < reference else { return nil }
            return finding(
                at: effective.location,
                "policy was last made effective on \(effective.value) and was due for review by \(due) (every \(interval) days); review and re-approve it, then update 'effective' and 'version'")
        }
    }
}

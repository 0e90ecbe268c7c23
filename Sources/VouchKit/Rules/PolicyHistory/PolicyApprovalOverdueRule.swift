struct PolicyApprovalOverdueRule: PolicyHistoryRule {
    static let description = RuleDescription(
        identifier: "policy-approval-overdue", severity: .warning, scope: .policyHistory,
        summary: "Each policy's last approved change is within its review interval",
        rationale: "Policies are reviewed and re-approved at least every review interval (review_interval_days, 365 by default). Inside a git repository this is judged on the last change a listed approver approved, which replaces the 'effective' date check; judged at the end of the report period, or today while it runs.",
        passingExamples: [PolicyHistoryExample.example(effective: "2026-03-01", changed: "2026-03-01", approved: "2026-03-01")],
        failingExamples: [PolicyHistoryExample.example(effective: "2024-03-01", changed: "2024-03-01", approved: "2024-03-01").marking(id: false)])

    func check(_ context: LintContext) -> [Finding] {
        guard let history = context.policyHistory else { return [] }
        let reference = context.reviewReferenceDate
        return context.program.policies.compactMap { policy in
            guard let approved = history[policy.id.value]?.lastApprovedChange else { return nil }
            let interval = policy.reviewIntervalDays?.value ?? context.configuration.reviewIntervalDays
            let due = approved.date.adding(days: interval)
            guard due < reference else { return nil }
            return finding(
                at: policy.effective?.location ?? policy.id.location,
                "policy was last approved in \(Self.describe(approved)), approved by \(Self.people(approved.approvedBy)), and was due for review by \(due) (every \(interval) days); review it, record the approval of the change that updates 'effective' and 'version' with 'vouch approve'")
        }
    }
}

struct PolicyEffectiveUnapprovedRule: PolicyHistoryRule {
    static let description = RuleDescription(
        identifier: "policy-effective-unapproved", severity: .warning, scope: .policyHistory,
        summary: "A policy's 'effective' date is not later than its last approved change",
        rationale: "When 'effective' names a date after the last approved change, the version said to be in force was changed without approval. Approving a change ahead of its effective date is fine: the rule stays silent when the latest change itself is approved.",
        passingExamples: [PolicyHistoryExample.example(effective: "2026-04-01", changed: "2026-03-01", approved: "2026-03-01")],
        failingExamples: [PolicyHistoryExample.example(effective: "2026-05-01", changed: "2026-05-01", approved: "2026-03-01").marking(id: false)])

    func check(_ context: LintContext) -> [Finding] {
        guard let history = context.policyHistory else { return [] }
        return context.program.policies.compactMap { policy in
            guard let effective = policy.effective, let record = history[policy.id.value], !record.lastChange.isApproved,
                  let approved = record.lastApprovedChange, effective.value > approved.date else { return nil }
            return finding(
                at: effective.location,
                "'effective' is \(effective.value), later than the last approved change (\(Self.describe(approved))): the version said to be in force has no recorded approval; have a listed approver approve the latest change (\(record.lastChange.shortID)) with 'vouch approve \(record.lastChange.shortID)'")
        }
    }
}

struct PolicyChangeUnapprovedRule: PolicyHistoryRule {
    static let description = RuleDescription(
        identifier: "policy-change-unapproved", severity: .warning, scope: .policyHistory,
        summary: "The latest change to each policy is approved by one of its listed approvers",
        rationale: "A policy is management's commitment; a change to it takes effect only once one of the people in its 'approvers' list approves it (CC5.3). The approval is read from git: an approval trailer, a note written by 'vouch approve', or a merge's recorded approvers, never the change's own author.",
        passingExamples: [PolicyHistoryExample.example(effective: "2026-03-01", changed: "2026-03-01", approved: "2026-03-01")],
        failingExamples: [PolicyHistoryExample.example(effective: "2026-03-01", changed: "2026-03-01", approved: "2025-06-01").marking(id: true)])

    func check(_ context: LintContext) -> [Finding] {
        guard let history = context.policyHistory else { return [] }
        return context.program.policies.compactMap { policy in
            guard let record = history[policy.id.value], !record.lastChange.isApproved, !policy.approvers.isEmpty else { return nil }
            let never = record.lastApprovedChange == nil ? "; no change to this policy was ever approved by them" : "; it was last approved in \(Self.describe(record.lastApprovedChange!))"
            return finding(
                at: policy.id.location,
                "the latest change to \(record.path) (\(Self.describe(record.lastChange))) has no approval by a listed approver (\(Self.people(policy.approvers.map(\.value))))\(never); ask one of them to review it and run 'vouch approve \(record.lastChange.shortID)', then push refs/notes/vouch")
        }
    }
}

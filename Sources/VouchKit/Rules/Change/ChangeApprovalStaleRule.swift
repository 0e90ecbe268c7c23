struct ChangeApprovalStaleRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-approval-stale", severity: .error, scope: .change,
        summary: "A pull request's approvals were given on the head that merged",
        rationale: "An approval on a commit other than the pull request's head at merge (the review's commit_id is not head.sha) approved code that changed afterwards; one on a commit the platform no longer has (commit_id null) cannot be shown to be of the head. Neither counts. Enable 'Dismiss stale pull request approvals when new commits are pushed' in branch protection, and have the final head approved.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n", notes: [PlatformNoteExample.pull(approvers: ["octocat"], reviews: [
            "80 APPROVED 2026-03-01T09:00:00Z on \(PlatformNoteExample.earlier) by octocat",
            "81 APPROVED 2026-03-02T09:00:00Z on \(PlatformNoteExample.head) by octocat",
        ])]))],
        failingExamples: [
            .change(ChangeExample(message: "Fix rounding (#12)\n", notes: [PlatformNoteExample.pull(approvers: ["octocat"], reviews: [
                "80 APPROVED 2026-03-01T09:00:00Z on \(PlatformNoteExample.earlier) by octocat",
            ])])),
            .change(ChangeExample(message: "Fix rounding (#12)\n", notes: [PlatformNoteExample.pull(approvers: ["octocat"], reviews: [
                "80 APPROVED 2026-03-01T09:00:00Z on missing by octocat",
            ])])),
        ])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        context.requiredApprovals > 0 && change.independentApprovals.isEmpty && change.approvals.contains { $0.standing == .stale }
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let stale = change.approvals.filter { $0.standing == .stale }
        return "\(change.shortID) was approved only on another commit than the head that merged (\(change.review?.head.map { String($0.prefix(12)) } ?? "unknown")): \(stale.map(Self.describe).joined(separator: ", ")); the code changed after the approval, so have the merged head reviewed and approved"
    }
}

struct ChangeApprovedAfterMergeRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-approved-after-merge", severity: .warning, scope: .change,
        summary: "A pull request's approval was submitted before it merged",
        rationale: "An approval submitted after merged_at is no review before merge: the change reached the branch unapproved, and the approval does not count towards required_approvals. Require approvals in branch protection so merges wait for them.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n", notes: [PlatformNoteExample.pull(approvers: ["octocat"], reviews: [
            "81 APPROVED 2026-03-02T09:00:00Z on \(PlatformNoteExample.head) by octocat",
        ])]))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n", notes: [PlatformNoteExample.pull(approvers: ["octocat"], reviews: [
            "81 APPROVED 2026-03-03T09:00:00Z on \(PlatformNoteExample.head) by octocat",
        ])]))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        change.approvals.contains { $0.standing == .afterMerge }
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let late = change.approvals.filter { $0.standing == .afterMerge }
        return "\(change.shortID) was approved after it merged at \(change.review?.mergedAt?.utcISO8601 ?? "unknown"): \(late.map { "\(Self.describe($0)) at \($0.recordedAt?.utcISO8601 ?? "unknown")" }.joined(separator: ", ")); that approval does not count as review before merge"
    }
}

struct ChangeUnreviewedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-unreviewed", severity: .error, scope: .change,
        summary: "Every change on the branch shows review by someone other than its author",
        rationale: "CC8.1 asks that changes are authorised and approved before they reach production. A commit with no pull or merge request reference, no approval trailer and no approval note is a direct push (or a rebase-merge that kept no trace of its review): the auditor counts it as an exception unless other evidence is produced.",
        passingExamples: [
            .change(ChangeExample(message: "Merge pull request #12 from example/fix-rounding\n\nFix rounding", mergedAuthor: "Bob Builder <bob@example.com>", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n")])),
            .change(ChangeExample(message: "Fix rounding of invoice totals\n\nReviewed-by: Carol Checker <carol@example.com>\n")),
        ],
        failingExamples: [
            .change(ChangeExample(message: "Hotfix invoice totals\n")),
            // A subject that looks like a squash merge, where GitHub knows of no pull request.
            .change(ChangeExample(message: "Hotfix invoice totals (#123)\n", notes: [.init(text: "Source: github\nPull-request: none\n")])),
            // A pull request merged with no approval on the platform.
            .change(ChangeExample(message: "Hotfix invoice totals (#12)\n", notes: [PlatformNoteExample.pull(approvers: [], reviews: ["80 COMMENTED 2026-03-01T09:00:00Z on \(PlatformNoteExample.head) by octocat"])])),
        ])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        // Emergencies and bots have rules of their own; a self-approval is reported as such.
        context.requiredApprovals > 0 && change.emergency == nil && !change.isBot && (change.reviewReference == nil || change.review != nil)
            && change.independentApprovals.isEmpty && change.selfApprovals.isEmpty && change.unverifiedApprovals.isEmpty
            && !change.approvals.contains { $0.standing == .stale }
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        if let review = change.review {
            return "\(change.shortID) landed on \(context.branch) through \(review.url) with no approval before merge by someone other than its authors (\(review.authorLogins.sorted().joined(separator: ", "))); require approving reviews in branch protection, and have someone review it now"
        }
        return "\(change.shortID) landed on \(context.branch) with no review evidence (no pull or merge request, no approval trailer or note): a direct push or a rebase-merge; have someone other than the author review it and record it with 'vouch approve \(change.shortID)', and protect the branch so changes need a review"
    }
}

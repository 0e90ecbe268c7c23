struct ChangeReviewUnmatchedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-review-unmatched", severity: .warning, scope: .change,
        summary: "Every pull request merged into the branch landed a change on its first-parent line",
        rationale: "The platform says a pull request merged into the branch, but the commit it landed is not on the branch's first-parent line: history was rewritten, or it merged elsewhere. The population of changes may then be incomplete. 'vouch github import' records such requests on the change that was the branch's latest when they merged; find where the commit went (git branch --contains SHA) and explain it to the auditor.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n", notes: [PlatformNoteExample.pull(approvers: ["octocat"], reviews: [
            "81 APPROVED 2026-03-02T09:00:00Z on \(PlatformNoteExample.head) by octocat",
        ])]))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", notes: [ChangeExample.Note(text: """
            Source: github
            Pull-request-unmatched: https://github.com/example/billing/pull/15 merged at 2026-03-02T11:00:00Z as 0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e

            """)]))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { !change.unmatchedRequests.isEmpty }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "after \(change.shortID), pull requests merged into \(context.branch) whose landed commit is not on its first-parent line: \(change.unmatchedRequests.joined(separator: "; ")); history was rewritten or they merged elsewhere, so the population may be incomplete: find the commits (git branch --contains SHA)"
    }
}

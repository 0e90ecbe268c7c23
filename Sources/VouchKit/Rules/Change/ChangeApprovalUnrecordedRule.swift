struct ChangeApprovalUnrecordedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-approval-unrecorded", severity: .warning, scope: .change,
        summary: "A reviewed change has its approver recorded in git",
        rationale: "A pull request number shows a review took place on the platform, but not who approved it: GitHub, for one, keeps approvals outside git. Without an approver in git the evidence depends on the platform's retention and export. Record the approval with 'vouch approve COMMIT' (a note on refs/notes/vouch), or have the merge template write 'Approved-by:' trailers.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n")]))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n"))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        context.requiredApprovals > 0 && change.reviewReference != nil && change.review == nil && !change.isBot && change.emergency == nil
            && change.approvals.allSatisfy { !$0.kind.counts }
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) went through \(change.mechanism.rawValue) \(change.reviewReference ?? ""), but git records no approver; have the approver run 'vouch approve \(change.shortID)' and push refs/notes/vouch, or add 'Approved-by:' trailers through the merge template, or keep the platform's review export as evidence"
    }
}

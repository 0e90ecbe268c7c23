struct ChangeApprovalsInsufficientRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-approvals-insufficient", severity: .error, scope: .change,
        summary: "Changes have at least required_approvals independent approvals",
        rationale: "change_management.required_approvals sets how many people other than the authors must approve each change. Reviews and acks count; Tested-by does not; self-approvals do not.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\nApproved-by: Dan Lead <dan@example.com>\n", requiredApprovals: 2))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\nTested-by: Tess Tester <tess@example.com>\n", requiredApprovals: 2))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        !change.independentApprovers.isEmpty && change.independentApprovers.count < context.requiredApprovals
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let approvers = change.independentApprovers
        return "\(change.shortID) has \(approvers.count) independent approval\(approvers.count == 1 ? "" : "s") (\(Self.people(approvers))) where required_approvals is \(context.requiredApprovals); have \(context.requiredApprovals - approvers.count) more reviewer\(context.requiredApprovals - approvers.count == 1 ? "" : "s") approve it"
    }
}

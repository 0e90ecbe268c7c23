struct ChangeSelfApprovedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-self-approved", severity: .error, scope: .change,
        summary: "Nobody approves their own change",
        rationale: "Segregation of duties: an approval by the author, or by a co-author, after resolving aliases through .mailmap, is no independent review. It does not count towards required_approvals and is reported so the approval can be redone by someone else.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n"))],
        failingExamples: [
            .change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Alice Example <ALICE@example.com>\n")),
            .change(ChangeExample(message: "Fix rounding\n\nCo-authored-by: Carol Checker <carol@example.com>\nReviewed-by: Carol Checker <carol@example.com>\n")),
        ])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { !change.selfApprovals.isEmpty }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) is approved by its own author: \(change.selfApprovals.map(Self.describe).joined(separator: ", ")); an approval must come from someone other than the authors (\(Self.people(change.changeAuthors))), so have another reviewer approve it"
    }
}

struct ChangeUnsignedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-unsigned", severity: .error, scope: .change,
        summary: "Changes are signed when change_management.require_signed is true",
        rationale: "Signed commits tie a change to a key its author controls. This rule looks only for a signature (a gpgsig header); whether it verifies, and whose key made it, are change-signature-invalid and change-signer-unknown.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: ChangeExample.ssh(.good), requireSigned: true))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", requireSigned: true))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { context.requireSigned && change.signature == nil }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) is not signed, and change_management.require_signed is true; sign commits (git config commit.gpgsign true, with an SSH or OpenPGP key) and require signatures on the branch"
    }
}

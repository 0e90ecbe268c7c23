struct ChangeUnsignedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-unsigned", severity: .error, scope: .change,
        summary: "Changes are signed when change_management.require_signed is true",
        rationale: "Signed commits tie a change to a key its author controls. Vouch sees whether a commit carries a GPG, SSH or X.509 signature, by the armor of its gpgsig header; it does not verify the signature, which needs the signers' keys and a trust policy ('git log --show-signature' or the platform does that).",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: .ssh, requireSigned: true))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", requireSigned: true))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { context.requireSigned && change.signature == nil }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) is not signed, and change_management.require_signed is true; sign commits (git config commit.gpgsign true, with a GPG, SSH or X.509 key) and require signatures on the branch"
    }
}

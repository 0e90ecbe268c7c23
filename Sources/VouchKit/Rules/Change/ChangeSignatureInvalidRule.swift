struct ChangeSignatureInvalidRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-signature-invalid", severity: .error, scope: .change,
        summary: "A commit's signature verifies, whether or not signing is required",
        rationale: "A signature that does not verify means the commit was altered after signing, or the armor was pasted or made for something else (another SSH namespace, another commit): either way the commit claims a signer it cannot prove. Anyone can write a gpgsig header, so one that fails is treated as a forgery, even where unsigned commits are allowed.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: ChangeExample.ssh(.good)))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: ChangeExample.ssh(.bad)))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { change.signature?.status == .bad }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let signature = change.signature
        return "\(change.shortID) carries an \(signature?.format.rawValue ?? "") signature that does not verify"
            + (signature?.detail.map { ": \($0)" } ?? "")
            + "; the commit was changed after signing or the signature is not its own — find out who wrote it, and re-sign or revert it"
    }
}

struct ChangeSignerUnknownRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-signer-unknown", severity: .error, scope: .change,
        summary: "Signed changes are signed by an allowed key when change_management.require_signed is true",
        rationale: "A signature proves only that someone with the key signed; anyone can make a key. With require_signed, the key must be one the repository trusts: a line of change_management.allowed_signers (for SSH; valid for namespace git at the committer time) or a key of change_management.keyring (OpenPGP). A key not listed, outside its valid-after/valid-before window, expired when it signed, revoked, or a signature Vouch cannot verify (X.509) does not meet the requirement.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: ChangeExample.ssh(.good), requireSigned: true))],
        failingExamples: [
            .change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: ChangeExample.ssh(.unknownKey), requireSigned: true)),
            .change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: ChangeExample.ssh(.expired), requireSigned: true)),
        ])

    static let unmet: Set<SignatureStatus> = [.unknownKey, .expired, .revoked, .unsupported]

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        context.requireSigned && change.signature.map { Self.unmet.contains($0.status) } == true
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let signature = change.signature
        let why: String
        switch signature?.status {
        case .expired: why = "its key was not valid at the commit's time"
        case .revoked: why = "its key is revoked"
        case .unsupported: why = "the signature cannot be verified"
        default: why = "its key \(signature?.key ?? "") is not an allowed signer"
        }
        return "\(change.shortID) is signed (\(signature?.format.rawValue ?? "")) but \(why)" + (signature?.detail.map { " (\($0))" } ?? "")
            + ", and change_management.require_signed is true; add the signer's key to change_management.allowed_signers (or the keyring) through a reviewed change, or re-sign with an allowed key"
    }
}

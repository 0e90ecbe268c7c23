struct ChangeApprovalUnverifiedRule: ChangeRule {
    static let note = ChangeExample.Note(text: "Approved-by: Carol Checker <carol@example.com>\n")

    static let description = RuleDescription(
        identifier: "change-approval-unverified", severity: .error, scope: .change,
        summary: "Approvals are signed by their approver when change_management.require_signed_approvals is true",
        rationale: "Anyone who can push refs/notes/vouch, or write a commit message, can write 'Approved-by: the CFO'. With require_signed_approvals, an approval counts only when it carries a signature (vouch approve --sign) over this commit, this kind of approval and this identity, made by a key of change_management.allowed_signers whose principals match the approver's email, or of change_management.keyring with a user id of that email. An unsigned approval (trailers included), one whose note was edited or copied to another commit, or one signed by someone else's key does not count towards required_approvals.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n", notes: [note], approvalSignature: ChangeExample.ssh(.good, signer: "carol@example.com"), requireSignedApprovals: true))],
        failingExamples: [
            .change(ChangeExample(message: "Fix rounding\n", notes: [note], requireSignedApprovals: true)),
            .change(ChangeExample(message: "Fix rounding\n", notes: [note], approvalSignature: ChangeExample.ssh(.bad), requireSignedApprovals: true)),
        ])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { !change.unverifiedApprovals.isEmpty }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let each = change.unverifiedApprovals.map { approval in
            Self.describe(approval) + ": " + (approval.signature.map { "signature \($0.status.rawValue)" + ($0.detail.map { ", \($0)" } ?? "") } ?? "not signed")
        }
        return "\(change.shortID) has approvals that do not count because change_management.require_signed_approvals is true: \(each.joined(separator: "; ")); have the approver record it with 'vouch approve --sign' using a key listed for their email in change_management.allowed_signers (SSH) or change_management.keyring (OpenPGP)"
    }
}

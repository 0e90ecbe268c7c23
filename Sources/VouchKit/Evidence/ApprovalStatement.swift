import Foundation

/// What a signed approval signs: the approved commit, the kind of approval and the approver's
/// identity, so a signature cannot be moved to another commit or claimed by another person.
/// Signed by `vouch approve --sign` (SSH namespace `vouch-approval`), stored in the note as an
/// `Approval-signature:` trailer after the approval line, its armor on continuation lines.
public struct ApprovalStatement: Sendable, Hashable {
    public static let signatureKey = "Approval-signature"

    public var commit: ObjectID
    public var kind: ApprovalKind
    public var approver: Identity

    public init(commit: ObjectID, kind: ApprovalKind, approver: Identity) {
        self.commit = commit
        self.kind = kind
        self.approver = approver
    }

    /// The bytes signed, plain text a person can read:
    /// `vouch-approval 1`, `commit ID`, `kind approved`, `approver Name <email>`, each on its line.
    public var bytes: [UInt8] {
        Array("vouch-approval 1\ncommit \(commit)\nkind \(kind.rawValue)\napprover \(approver.name) <\(approver.email)>\n".utf8)
    }

    /// The note lines of a signed approval: the trailer, then the signature's armor indented.
    public static func noteLines(approvalLine: String, armor: String) -> String {
        let armorLines = armor.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
        return approvalLine + "\n" + signatureKey + ": " + armorLines.joined(separator: "\n ") + "\n"
    }
}

import Foundation

/// What a signed acknowledgement signs: the policy, the version acknowledged (the policy file's
/// blob id), the date and the person, so a signature cannot be moved to another version, another
/// day or another person. Signed by `vouch acknowledge --sign` in the approvals' SSH namespace
/// (`vouch-approval`; the first line keeps the two kinds of statement apart), stored in the note
/// as an `Acknowledgement-signature:` trailer after the `Acknowledged:` line, its armor on
/// continuation lines.
public struct AcknowledgementStatement: Sendable, Hashable {
    public static let signatureKey = "Acknowledgement-signature"

    public var acknowledgement: PolicyAcknowledgement

    public init(_ acknowledgement: PolicyAcknowledgement) {
        self.acknowledgement = acknowledgement
    }

    /// The bytes signed, plain text a person can read: `vouch-acknowledgement 1`, `policy ID`,
    /// `version BLOB-ID`, `date YYYY-MM-DD`, `person Name <email>`, each on its line.
    public var bytes: [UInt8] {
        let a = acknowledgement
        return Array("vouch-acknowledgement 1\npolicy \(a.policyID)\nversion \(a.blob)\ndate \(a.date)\nperson \(a.person.name) <\(a.person.email)>\n".utf8)
    }

    /// The note lines of a signed acknowledgement: its line, then the signature's armor indented.
    public var noteLines: String {
        guard let armor = acknowledgement.signatureArmor else { return acknowledgement.noteLine + "\n" }
        let armorLines = armor.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
        return acknowledgement.noteLine + "\n" + Self.signatureKey + ": " + armorLines.joined(separator: "\n ") + "\n"
    }

    /// The verdict on the acknowledgement's signature (nil when it has none): made over this
    /// statement by a key allowed for the person's email, valid at the start (UTC) of the
    /// acknowledgement's date.
    public func verify(with verifier: SignatureVerifier) -> SignatureCheck? {
        guard let armor = acknowledgement.signatureArmor else { return nil }
        let context = SignatureContext(namespace: SignatureContext.approvalNamespace, time: Timestamp.startOfDay(acknowledgement.date), principal: acknowledgement.person.email)
        return verifier.verify(format: SignatureFormat(armor: armor) ?? .unknown, signature: Array(armor.utf8), payload: bytes, context: context)
    }
}

/// A commit's signature as read from git, before verification: its format, the signature and
/// the bytes it signs (`Commit.signedContent`). A rule's example gives its verdict instead.
public enum CommitSignature: Sendable, Hashable {
    case signed(format: SignatureFormat, signature: [UInt8], payload: [UInt8])
    case checked(SignatureCheck)

    /// The signature of `commit`, if it has one.
    init?(_ commit: Commit) {
        guard let armor = commit.signatureArmor else { return nil }
        let format = SignatureFormat(armor: armor) ?? .unknown
        if let content = commit.signedContent {
            self = .signed(format: format, signature: content.signature, payload: content.payload)
        } else {
            // Only a `gpgsig-sha256` header: git verifies it in SHA-256 repositories alone.
            self = .checked(SignatureCheck(format: format, status: .unsupported, detail: "only a gpgsig-sha256 signature, which git verifies in SHA-256 repositories"))
        }
    }
}

/// The verdict on one signature: its format, status, who signed it (the allowed signer's
/// principals) and with which key (`SHA256:…`, as `ssh-keygen -l` prints it).
public struct SignatureCheck: Sendable, Hashable {
    public var format: SignatureFormat
    public var status: SignatureStatus
    /// The principals of the allowed-signers line (or the keyring user id) that matched; nil
    /// when no allowed signer matched.
    public var signer: String?
    /// The signing key's fingerprint; nil when the signature could not be read far enough.
    public var key: String?
    /// Why the status is what it is, in a few words, for messages (not part of the evidence JSON).
    public var detail: String?

    public init(format: SignatureFormat, status: SignatureStatus, signer: String? = nil, key: String? = nil, detail: String? = nil) {
        self.format = format
        self.status = status
        self.signer = signer
        self.key = key
        self.detail = detail
    }
}

/// What verifying one detached OpenPGP signature found.
public struct OpenPGPVerification: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// The signature matches the data and was made by a key of the keyring that was valid then.
        case good
        /// The signature does not match the data, cannot be read, or its key is not valid.
        case bad
        /// The signing key is not in the keyring.
        case unknownKey
        /// The signing key (or its primary key) had expired when the signature was made, or the
        /// signature itself has expired.
        case expired
        /// The signature matches the data but its key (or its primary key) is revoked.
        case revoked
        /// A signature RNP cannot check (an unknown version or algorithm), with RNP's reason.
        case unsupported(String)
    }

    public var status: Status
    /// The primary user id of the signer's primary key (`Name <email>`), when the key is known.
    public var signer: String?
    /// The signer's primary key fingerprint (upper-case hex, as gpg prints it), when known.
    public var primaryKeyFingerprint: String?
    /// The id (16 upper-case hex digits) of the key that made the signature, a subkey or the
    /// primary key; read from the signature, so it is there for an unknown key too.
    public var signingKeyID: String?
    /// The signature's creation time (seconds since 1970, UTC), as the signature states it.
    public var signedAt: Int64?
    /// Why the status is not `good`, in RNP's words or ours, when there is more to say.
    public var detail: String?

    public init(status: Status, signer: String? = nil, primaryKeyFingerprint: String? = nil, signingKeyID: String? = nil, signedAt: Int64? = nil, detail: String? = nil) {
        self.status = status
        self.signer = signer
        self.primaryKeyFingerprint = primaryKeyFingerprint
        self.signingKeyID = signingKeyID
        self.signedAt = signedAt
        self.detail = detail
    }
}

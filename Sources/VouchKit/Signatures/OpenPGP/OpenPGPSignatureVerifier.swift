/// Verifies OpenPGP signatures (commits signed by gpg, GitHub's web-flow key, approvals signed
/// by `vouch approve --sign` with `gpg.format openpgp`) against the keyring committed in the
/// repository (`change_management.keyring`). A value the judging threads of a walk share: it
/// holds the keyring, immutable, and each thread verifies with an RNP context of its own.
///
/// The verdict names the key by its primary key's fingerprint (the signing key's id when the
/// key is unknown) and the signer by the key's user id. For an approval the key must belong to
/// the identity it names: one of its user ids has that email, else the key is `unknown-key`
/// for that identity. OpenPGP has no namespace: an approval's statement (`vouch-approval 1 …`)
/// and a commit object are different data, so neither signature passes for the other.
public struct OpenPGPSignatureVerifier: FormatSignatureVerifier {
    private let verifiers: OpenPGPThreadVerifiers
    private let keysByFingerprint: [String: OpenPGPPublicKey]

    public var keyring: OpenPGPKeyring { verifiers.keyring }

    public init(keyring: OpenPGPKeyring) {
        // The stderr stream is replaced here, on the thread setting up the walk, rather than by
        // whichever judging thread first makes an RNP context while the others run.
        RNPDiagnostics.install()
        verifiers = OpenPGPThreadVerifiers(keyring: keyring)
        keysByFingerprint = Dictionary(keyring.keys.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A verifier trusting no key: every readable signature is by an unknown key.
    public init(emptyKeyringAt path: String) {
        self.init(keyring: .empty(path: path))
    }

    public func verify(signature: [UInt8], payload: [UInt8], context: SignatureContext) -> SignatureCheck {
        let result: OpenPGPVerification
        do {
            result = try verifiers.withVerifier { $0.verify(signature: signature, signedData: payload) }
        } catch {
            return SignatureCheck(format: .openpgp, status: .unsupported, detail: "\(error)")
        }
        let key = result.primaryKeyFingerprint ?? result.signingKeyID
        func check(_ status: SignatureStatus, signer: String? = nil, _ detail: String?) -> SignatureCheck {
            SignatureCheck(format: .openpgp, status: status, signer: signer, key: key, detail: detail)
        }
        switch result.status {
        case .bad:
            return check(.bad, result.detail ?? "the signature does not verify")
        case .unsupported(let reason):
            return check(.unsupported, reason)
        case .unknownKey:
            return check(.unknownKey, "no key of \(keyring.path) made it (key id \(result.signingKeyID ?? "unknown"))")
        case .good, .expired, .revoked:
            var signer = result.signer
            if let email = context.principal {
                let userIDs = result.primaryKeyFingerprint.flatMap { keysByFingerprint[$0] }?.userIDs ?? []
                guard let match = userIDs.first(where: { Self.email(of: $0)?.lowercased() == email.lowercased() }) else {
                    return check(.unknownKey, "key \(key ?? "") of \(keyring.path) has no user id with email \(email)")
                }
                signer = match
            }
            switch result.status {
            case .expired: return check(.expired, signer: signer, result.detail ?? "the key had expired")
            case .revoked: return check(.revoked, signer: signer, result.detail ?? "the key is revoked")
            default: return check(.good, signer: signer, "good signature by \(signer ?? key ?? "")")
            }
        }
    }

    /// The email of a user id: `Name <email>`, or a bare address.
    static func email(of userID: String) -> String? {
        if let open = userID.lastIndex(of: "<"), let close = userID[open...].firstIndex(of: ">") {
            return String(userID[userID.index(after: open)..<close])
        }
        return userID.contains("@") && !userID.contains(" ") ? userID : nil
    }
}

/// Verifies SSH signatures as `ssh-keygen -Y verify` does for git: the SSHSIG must be made in
/// the expected namespace, verify against the key it carries, and that key must be an allowed
/// signer's (for that namespace and, for approvals, that principal) at the signing time.
/// An immutable value: the judging threads of a walk share one.
public struct SSHSignatureVerifier: FormatSignatureVerifier {
    public let signers: [AllowedSigner]
    private let signersByKey: [SSHPublicKey: [AllowedSigner]]

    public init(signers: [AllowedSigner] = []) {
        self.signers = signers
        signersByKey = Dictionary(grouping: signers, by: \.key)
    }

    public func verify(signature armor: [UInt8], payload: [UInt8], context: SignatureContext) -> SignatureCheck {
        func check(_ status: SignatureStatus, signer: String? = nil, key: String? = nil, _ detail: String) -> SignatureCheck {
            SignatureCheck(format: .ssh, status: status, signer: signer, key: key, detail: detail)
        }
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armor: armor)
        } catch {
            return check(.bad, "the SSH signature cannot be read: \(error.reason)")
        }
        let fingerprint = SSHPublicKey.fingerprint(of: signature.publicKey)
        guard signature.namespace == context.namespace else {
            return check(.bad, key: fingerprint, "the signature was made for namespace '\(signature.namespace)', not '\(context.namespace)'")
        }
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(blob: signature.publicKey)
        } catch {
            return check(error.unsupported ? .unsupported : .bad, key: fingerprint, error.reason)
        }
        guard let signed = signature.signedData(for: payload) else {
            return check(.bad, key: fingerprint, "hash algorithm '\(signature.hashAlgorithm)' is not one of sha256 and sha512")
        }
        if case .failure(let failure) = key.verify(signature: signature.signature, of: signed) {
            return check(.bad, key: fingerprint, failure.reason)
        }
        let candidates = (signersByKey[key] ?? []).filter { signer in
            (signer.namespaces?.matches(context.namespace) ?? true) && (context.principal.map(signer.principals.matches) ?? true)
        }
        guard let first = candidates.first else {
            let whom = context.principal.map { " for \($0)" } ?? ""
            return check(.unknownKey, key: fingerprint, "no allowed signer has key \(fingerprint)\(whom) in namespace '\(context.namespace)'")
        }
        let time = context.time.seconds
        if let valid = candidates.first(where: { $0.isValid(at: time) }) {
            return check(.good, signer: valid.principals.text, key: fingerprint, "good signature by \(valid.principals.text)")
        }
        return check(.expired, signer: first.principals.text, key: fingerprint,
                     "the key of \(first.principals.text) was not valid at \(context.time.iso8601) (allowed signers line \(first.line))")
    }
}

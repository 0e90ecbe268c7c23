internal import CRNP

/// Verifies detached OpenPGP signatures (a commit's `gpgsig` header) against a keyring, in this
/// process through RNP, the OpenPGP library Thunderbird uses. GPGME was not used because it
/// starts a gpg process for every operation, one per commit of a history.
///
/// Not Sendable: it owns an RNP context, which one thread uses at a time. The keyring is a
/// Sendable value, so each thread that verifies makes its own verifier from it.
///
/// The signing key's state is judged by the verifier, not left to RNP's status alone: RNP 0.16
/// reports a signature by a revoked key, or by a key that had expired when it signed, only as
/// invalid (and accepts one made in the very second of a revocation). For a revoked key the
/// verifier checks the signature again with the keyring's revocations set aside, so `revoked`
/// means it matches the data and `bad` that it does not. For an expired key RNP cannot tell the
/// two apart, so such a signature is `expired` whether or not it matches (neither is `good`).
///
/// Debian's librnp is built with RNP's diagnostics on: RNP writes a line to stderr for each
/// signature or key it rejects, which no RNP call switches off. Every RNP call here runs inside
/// `RNPDiagnostics.silenced`, so those lines never reach vouch's output.
public final class OpenPGPVerifier {
    public let keyring: OpenPGPKeyring
    private let session: RNPSession
    /// The keyring without its revocations, made the first time a revoked key signed.
    private var unrevoked: RNPSession?

    public init(keyring: OpenPGPKeyring) throws {
        self.keyring = keyring
        session = try RNPDiagnostics.silenced { try RNPSession(importing: keyring) }
    }

    /// Verifies an armored detached signature over `signedData` (for a commit: the commit object
    /// without its `gpgsig` header). Never throws: what cannot be read is `bad`, with RNP's reason
    /// in `detail`.
    public func verify(signature: [UInt8], signedData: [UInt8]) -> OpenPGPVerification {
        RNPDiagnostics.silenced { verifySilenced(signature: signature, signedData: signedData) }
    }

    private func verifySilenced(signature: [UInt8], signedData: [UInt8]) -> OpenPGPVerification {
        do {
            let readings = try Self.read(signature: signature, signedData: signedData, in: session)
            guard !readings.signatures.isEmpty else {
                return OpenPGPVerification(status: .bad, detail: "no signature could be read: \(readings.message)")
            }
            let results = try readings.signatures.indices.map { try judge(readings.signatures[$0], index: $0, signature: signature, signedData: signedData) }
            return results.first { $0.status == .good } ?? results[0]
        } catch {
            return OpenPGPVerification(status: .bad, detail: "\(error)")
        }
    }

    /// One signature of the armor, as RNP verified it.
    private struct Reading {
        var status: rnp_result_t
        var keyID: String?
        var created: Int64?
        var key: RNPKey?
    }

    private static func read(signature: [UInt8], signedData: [UInt8], in session: RNPSession) throws -> (signatures: [Reading], message: String) {
        let data = try RNPInput(signedData), armor = try RNPInput(signature)
        var operation: OpaquePointer?
        try RNPSession.check(rnp_op_verify_detached_create(&operation, session.ffi, data.handle, armor.handle), "starting a verification")
        defer { rnp_op_verify_destroy(operation) }
        // The result says only whether some signature is good; each signature's status follows.
        let executed = rnp_op_verify_execute(operation)
        var count = 0
        try RNPSession.check(rnp_op_verify_get_signature_count(operation, &count), "counting signatures")
        var readings: [Reading] = []
        for index in 0..<count {
            var verified: OpaquePointer?
            try RNPSession.check(rnp_op_verify_get_signature_at(operation, index, &verified), "reading a signature")
            var reading = Reading(status: rnp_op_verify_signature_get_status(verified))
            var handle: OpaquePointer?
            if rnp_op_verify_signature_get_handle(verified, &handle) == rnp_result_t(RNP_SUCCESS), let handle {
                defer { rnp_signature_handle_destroy(handle) }
                reading.keyID = try? RNPSession.string("reading a signature's key id") { rnp_signature_get_keyid(handle, $0) }
                var created: UInt32 = 0
                if rnp_signature_get_creation(handle, &created) == rnp_result_t(RNP_SUCCESS) { reading.created = Int64(created) }
            }
            var key: OpaquePointer?
            if rnp_op_verify_signature_get_key(verified, &key) == rnp_result_t(RNP_SUCCESS), let key { reading.key = RNPKey(key) }
            readings.append(reading)
        }
        return (readings, RNPSession.message(executed))
    }

    private func judge(_ reading: Reading, index: Int, signature: [UInt8], signedData: [UInt8]) throws -> OpenPGPVerification {
        var result = OpenPGPVerification(status: .bad, signingKeyID: reading.keyID, signedAt: reading.created)
        let key = reading.key
        let primary = try key?.primary(in: session)
        if let primary {
            result.signer = try primary.primaryUserID()
            result.primaryKeyFingerprint = try primary.fingerprint()
        }
        if result.signingKeyID == nil { result.signingKeyID = try reading.key?.keyID() }
        switch Int(reading.status) {
        case RNP_SUCCESS:
            // RNP may accept a signature made in the second its key was revoked, or by a key that
            // had expired; the key's own state decides, as for the signatures RNP rejects.
            if let key, let primary, try key.isRevoked() || primary.isRevoked() {
                result.status = .revoked
                result.detail = "the key is revoked"
            } else if let key, let primary, let created = reading.created, try key.hadExpired(at: created) || primary.hadExpired(at: created) {
                result.status = .expired
                result.detail = "the key had expired when the signature was made"
            } else {
                result.status = .good
            }
        case RNP_ERROR_KEY_NOT_FOUND:
            result.status = .unknownKey
        case RNP_ERROR_SIGNATURE_EXPIRED:
            result.status = .expired
            result.detail = "the signature has expired (or is dated in the future)"
        case RNP_ERROR_SIGNATURE_UNKNOWN, RNP_ERROR_NOT_SUPPORTED, RNP_ERROR_NOT_IMPLEMENTED:
            result.status = .unsupported(RNPSession.message(reading.status))
        case RNP_ERROR_SIGNATURE_INVALID:
            guard let key, let primary else {
                result.detail = RNPSession.message(reading.status)
                break
            }
            if try key.isRevoked() || primary.isRevoked() {
                let matches = try matchesWithoutRevocations(index: index, signature: signature, signedData: signedData)
                result.status = matches ? .revoked : .bad
                result.detail = matches ? "the key is revoked" : "the signature does not match the data (and the key is revoked)"
            } else if let created = reading.created, try key.hadExpired(at: created) || primary.hadExpired(at: created) {
                result.status = .expired
                result.detail = "the key had expired when the signature was made"
            } else {
                result.detail = "the signature does not match the data, or its key is not valid"
            }
        default:
            result.detail = RNPSession.message(reading.status)
        }
        return result
    }

    /// Whether signature `index` matches the data when the keyring's revocations are set aside.
    private func matchesWithoutRevocations(index: Int, signature: [UInt8], signedData: [UInt8]) throws -> Bool {
        let lenient: RNPSession
        if let unrevoked { lenient = unrevoked } else {
            lenient = try RNPSession(importing: keyring)
            try lenient.removeRevocations()
            unrevoked = lenient
        }
        let readings = try Self.read(signature: signature, signedData: signedData, in: lenient).signatures
        guard index < readings.count else { return false }
        let status = Int(readings[index].status)
        if status == RNP_SUCCESS || status == RNP_ERROR_SIGNATURE_EXPIRED { return true }
        // Revoked and expired at once: RNP cannot tell whether it matches, as for any expired key.
        guard status == RNP_ERROR_SIGNATURE_INVALID, let key = readings[index].key, let created = readings[index].created else { return false }
        return try key.hadExpired(at: created) || (key.primary(in: lenient)?.hadExpired(at: created) ?? false)
    }
}

@available(*, unavailable, message: "an OpenPGPVerifier owns an RNP context; make one per thread from the keyring")
extension OpenPGPVerifier: Sendable {}

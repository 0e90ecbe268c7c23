internal import CRNP

/// An RNP context (`rnp_ffi_t`) holding public keys, destroyed when released. RNP verifies in
/// this process, with no gpg process per signature (GPGME starts one for every operation).
///
/// Not Sendable: one RNP context serves one thread at a time, so each thread that verifies makes
/// its own from the keyring's bytes (`OpenPGPVerifier`).
final class RNPSession {
    let ffi: OpaquePointer

    init() throws {
        RNPDiagnostics.install()
        var ffi: OpaquePointer?
        try Self.check(rnp_ffi_create(&ffi, "GPG", "GPG"), "creating a context")
        guard let ffi else { throw OpenPGPError.library(operation: "creating a context", code: UInt32(RNP_ERROR_NULL_POINTER), message: Self.message(UInt32(RNP_ERROR_NULL_POINTER))) }
        self.ffi = ffi
    }

    /// A context holding every key of `keyring`.
    convenience init(importing keyring: OpenPGPKeyring) throws {
        try self.init()
        for block in keyring.blocks { try importPublicKeys(block.armor) }
    }

    deinit { rnp_ffi_destroy(ffi) }

    /// Imports the public keys of one armored key block.
    func importPublicKeys(_ armor: [UInt8]) throws {
        let input = try RNPInput(armor)
        try Self.check(rnp_import_keys(ffi, input.handle, RNP_LOAD_SAVE_PUBLIC_KEYS, nil), "reading the public keys")
    }

    /// Fingerprints of every key in the context, primary keys and subkeys.
    func fingerprints() throws -> [String] {
        var iterator: OpaquePointer?
        try Self.check(rnp_identifier_iterator_create(ffi, &iterator, "fingerprint"), "listing the keys")
        defer { rnp_identifier_iterator_destroy(iterator) }
        var found: [String] = []
        while true {
            var identifier: UnsafePointer<CChar>?
            try Self.check(rnp_identifier_iterator_next(iterator, &identifier), "listing the keys")
            guard let identifier else { return found }
            found.append(String(cString: identifier))
        }
    }

    /// The key with this fingerprint, or nil.
    func key(fingerprint: String) throws -> RNPKey? {
        var handle: OpaquePointer?
        try Self.check(rnp_locate_key(ffi, "fingerprint", fingerprint, &handle), "finding key \(fingerprint)")
        return handle.map(RNPKey.init)
    }

    /// The primary keys, with their user ids and key ids.
    func primaryKeys() throws -> [(fingerprint: String, userIDs: [String], keyIDs: [String])] {
        var keys: [(String, [String], [String])] = []
        for fingerprint in try fingerprints() {
            guard let key = try key(fingerprint: fingerprint), try !key.isSubkey() else { continue }
            keys.append((fingerprint, try key.userIDs(), try [key.keyID()] + key.subkeys().map { try $0.keyID() }))
        }
        return keys
    }

    /// Removes every key and subkey revocation, so that a signature by a revoked key can be
    /// checked against the data it claims to sign (RNP does not check a revoked key's signatures).
    func removeRevocations() throws {
        for fingerprint in try fingerprints() {
            guard let key = try key(fingerprint: fingerprint) else { continue }
            try key.removeRevocations()
        }
    }

    // MARK: - Results and buffers

    /// Throws RNP's own message for any result but success.
    static func check(_ result: rnp_result_t, _ operation: @autoclosure () -> String) throws {
        guard result != rnp_result_t(RNP_SUCCESS) else { return }
        throw OpenPGPError.library(operation: operation(), code: result, message: message(result))
    }

    static func message(_ result: rnp_result_t) -> String {
        guard let text = rnp_result_to_string(result) else { return "error 0x\(String(result, radix: 16))" }
        return String(cString: text)
    }

    /// The string an RNP call allocates, freed with `rnp_buffer_destroy`.
    static func string(_ operation: @autoclosure () -> String, _ call: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> rnp_result_t) throws -> String {
        var buffer: UnsafeMutablePointer<CChar>?
        let result = call(&buffer)
        defer { rnp_buffer_destroy(buffer) }
        try check(result, operation())
        guard let buffer else { return "" }
        return String(cString: buffer)
    }
}

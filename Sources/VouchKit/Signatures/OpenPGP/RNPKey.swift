internal import CRNP

/// An RNP key handle (`rnp_key_handle_t`), destroyed when released. It belongs to the context it
/// came from and never leaves the thread using that context.
final class RNPKey {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { rnp_key_handle_destroy(handle) }

    func fingerprint() throws -> String { try RNPSession.string("reading a key's fingerprint") { rnp_key_get_fprint(handle, $0) } }
    func keyID() throws -> String { try RNPSession.string("reading a key's id") { rnp_key_get_keyid(handle, $0) } }

    func isSubkey() throws -> Bool { try flag("telling a subkey") { rnp_key_is_sub(handle, $0) } }
    func isRevoked() throws -> Bool { try flag("reading a key's revocation") { rnp_key_is_revoked(handle, $0) } }

    /// The primary key of a subkey (self for a primary key), or nil when the keyring lacks it.
    func primary(in session: RNPSession) throws -> RNPKey? {
        guard try isSubkey() else { return self }
        let fingerprint = try RNPSession.string("reading a subkey's primary key") { rnp_key_get_primary_fprint(handle, $0) }
        return try session.key(fingerprint: fingerprint)
    }

    func userIDs() throws -> [String] {
        var count = 0
        try RNPSession.check(rnp_key_get_uid_count(handle, &count), "counting a key's user ids")
        return try (0..<count).map { index in try RNPSession.string("reading a user id") { rnp_key_get_uid_at(handle, index, $0) } }
    }

    /// The primary user id, or the first one when RNP names none primary (none is valid).
    func primaryUserID() throws -> String? {
        if let primary = try? RNPSession.string("reading the primary user id", { rnp_key_get_primary_uid(handle, $0) }) { return primary }
        return try userIDs().first
    }

    func subkeys() throws -> [RNPKey] {
        var count = 0
        try RNPSession.check(rnp_key_get_subkey_count(handle, &count), "counting subkeys")
        return try (0..<count).compactMap { index in
            var subkey: OpaquePointer?
            try RNPSession.check(rnp_key_get_subkey_at(handle, index, &subkey), "reading a subkey")
            return subkey.map(RNPKey.init)
        }
    }

    /// Whether the key had expired at `time` (seconds since 1970): its creation plus its validity
    /// period, when it has one, lies before it.
    func hadExpired(at time: Int64) throws -> Bool {
        var created: UInt32 = 0, lifetime: UInt32 = 0
        try RNPSession.check(rnp_key_get_creation(handle, &created), "reading a key's creation time")
        try RNPSession.check(rnp_key_get_expiration(handle, &lifetime), "reading a key's expiration")
        return lifetime != 0 && Int64(created) + Int64(lifetime) < time
    }

    /// Removes the key's own revocation signatures (key or subkey revocation).
    func removeRevocations() throws {
        var count = 0
        try RNPSession.check(rnp_key_get_signature_count(handle, &count), "counting a key's signatures")
        for index in (0..<count).reversed() {
            var signature: OpaquePointer?
            try RNPSession.check(rnp_key_get_signature_at(handle, index, &signature), "reading a key signature")
            defer { rnp_signature_handle_destroy(signature) }
            let type = try RNPSession.string("reading a key signature's type") { rnp_signature_get_type(signature, $0) }
            if type == "key revocation" || type == "subkey revocation" {
                try RNPSession.check(rnp_signature_remove(handle, signature), "setting a revocation aside")
            }
        }
    }

    private func flag(_ operation: String, _ call: (UnsafeMutablePointer<Bool>) -> rnp_result_t) throws -> Bool {
        var value = false
        try RNPSession.check(call(&value), operation)
        return value
    }
}

/// One primary key of a keyring, as the keyring file holds it.
public struct OpenPGPPublicKey: Sendable, Hashable {
    /// The primary key's fingerprint, 40 (v4) upper-case hex digits, as `gpg --with-colons` prints it.
    public var fingerprint: String
    /// Its user ids (`Name <email>`), in the order of the key block.
    public var userIDs: [String]
    /// The 16-hex-digit key ids of the primary key and of each subkey, primary first.
    public var keyIDs: [String]
    /// The 1-based line of the keyring file where the key's armor block begins.
    public var line: Int

    public init(fingerprint: String, userIDs: [String], keyIDs: [String], line: Int) {
        self.fingerprint = fingerprint
        self.userIDs = userIDs
        self.keyIDs = keyIDs
        self.line = line
    }
}

/// What verifying a signature found.
public enum SignatureStatus: String, Sendable, Hashable, CaseIterable {
    /// It verifies, made by a key the allowed signers (or keyring) name, within its validity.
    case good
    /// It does not verify: altered content, a pasted or malformed armor, a signature made for
    /// another purpose (namespace), or a key that does not match its signature.
    case bad
    /// It verifies against the key it carries, but no allowed signer (or keyring key) is that key.
    case unknownKey = "unknown-key"
    /// Made by an allowed key outside its `valid-after`/`valid-before` window (judged at the
    /// committer time, as git does), or by an expired OpenPGP key.
    case expired
    /// Made by a revoked OpenPGP key.
    case revoked
    /// A format or algorithm Vouch cannot verify (X.509; OpenPGP without its verifier; SSH
    /// security-key and certificate signatures).
    case unsupported
}

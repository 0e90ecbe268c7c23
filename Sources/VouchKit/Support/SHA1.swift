import Crypto

/// SHA-1 (FIPS 180-4), through swift-crypto. Only for name-based (version 5) UUIDs, which
/// RFC 4122 defines with SHA-1; never for integrity, where SHA-256 is used.
public enum SHA1 {
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        Insecure.SHA1.hash(data: bytes).withUnsafeBytes { Array($0) }
    }
}

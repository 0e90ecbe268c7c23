import Crypto

/// SHA-256 (FIPS 180-4), incremental; used for evidence digests, sampling ranks and manifests.
/// Through swift-crypto rather than our own code: a vetted implementation that on Linux runs
/// BoringSSL's hardware-accelerated assembly, which matters for the tens of megabytes an
/// evidence digest covers. Bytes in and out, so callers never see Crypto's digest types.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The digest of everything added so far (the hasher can go on being updated).
    public func finalized() -> [UInt8] {
        hasher.finalize().withUnsafeBytes { Array($0) }
    }

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalized()
    }

    public static func hash(_ text: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.finalized()
    }

    /// Lower-case hex, as `sha256sum` prints.
    public static func hex(_ digest: [UInt8]) -> String { Hex.string(digest) }
}

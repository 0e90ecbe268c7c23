/// RFC 4122 version 5 (name-based, SHA-1) UUIDs: the same namespace and name always give the
/// same id, so an export of the same program gives the same OSCAL ids.
public struct NameBasedUUID: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// The RFC 4122 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    public static let urlNamespace = NameBasedUUID(bytes: [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8])

    init(bytes: [UInt8]) { self.bytes = bytes }

    public init(namespace: NameBasedUUID, name: String) {
        var hash = Array(SHA1.hash(namespace.bytes + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        bytes = hash
    }

    public var description: String {
        let hex = SHA256.hex(bytes)
        let cuts = [8, 12, 16, 20]
        var parts: [Substring] = []
        var start = hex.startIndex
        for cut in cuts {
            let end = hex.index(hex.startIndex, offsetBy: cut)
            parts.append(hex[start..<end])
            start = end
        }
        parts.append(hex[start...])
        return parts.joined(separator: "-")
    }
}

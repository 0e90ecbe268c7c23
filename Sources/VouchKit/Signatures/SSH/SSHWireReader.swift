/// Reads the SSH wire encoding (RFC 4251 §5): big-endian `uint32`, `string` (a length and its
/// bytes) and `mpint`. Every read checks its bounds and returns nil past the end.
struct SSHWireReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func raw(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() -> UInt32? {
        guard let four = raw(4) else { return nil }
        return four.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() -> [UInt8]? {
        guard let length = uint32(), let value = raw(Int(length)) else { return nil }
        return Array(value)
    }

    mutating func text() -> String? {
        string().flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// An `mpint` as an unsigned big-endian magnitude without leading zeros; nil for a negative one.
    mutating func unsignedInteger() -> [UInt8]? {
        guard let value = string() else { return nil }
        if let first = value.first, first & 0x80 != 0 { return nil }
        return Array(value.drop { $0 == 0 })
    }

    /// An SSH string, encoded.
    static func string(_ value: some Collection<UInt8>) -> [UInt8] {
        let count = UInt32(value.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)] + value
    }
}

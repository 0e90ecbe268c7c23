internal import CLibGit2
import VouchCore

/// A git object id (SHA-1), comparable and hashable, printed as 40 hex digits.
///
/// Stored inline as three big-endian words rather than an array: histories hold hundreds of
/// thousands of ids, and an id per heap allocation showed up in every walk.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        self = withUnsafeBytes(of: oid.id) { Self(rawBytes: $0.baseAddress!) }
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// Parses 40 hex digits.
    public init?(hex: String) {
        var text = hex
        guard let id = text.withUTF8({ Self(hexDigits: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// Whether the byte is a hex digit (either case).
    static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 6
    }

    /// Parses exactly 40 hex digits (either case), as commits and notes paths spell ids.
    init?(hexDigits digits: UnsafeRawBufferPointer) {
        guard digits.count == 40 else { return nil }
        // Each digit's value, with bit 4 set for a byte that is no hex digit; checked once at the end.
        var invalid: UInt8 = 0
        @inline(__always) func word(from start: Int, count: Int) -> UInt64 {
            var word: UInt64 = 0
            for index in start..<(start + count) {
                let byte = digits[index]
                let decimal = byte &- 0x30, letter = (byte | 0x20) &- 0x61
                let value: UInt8 = decimal < 10 ? decimal : (letter < 6 ? letter &+ 10 : 0x10)
                invalid |= value
                word = word << 4 | UInt64(value & 0x0F)
            }
            return word
        }
        let words = (word(from: 0, count: 16), word(from: 16, count: 16), word(from: 32, count: 8))
        guard invalid & 0x10 == 0 else { return nil }
        (high, middle, low) = (words.0, words.1, UInt32(words.2))
    }

    /// The id whose 20 raw bytes start at `pointer` (as tree entries store ids).
    init(rawBytes pointer: UnsafeRawPointer) {
        high = UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        middle = UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(20)
        withUnsafeBytes(of: high.bigEndian) { result.append(contentsOf: $0) }
        withUnsafeBytes(of: middle.bigEndian) { result.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { result.append(contentsOf: $0) }
        return result
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { target in
            target.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            target.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    public var description: String { String(ascii: Self.hexLength, writeHex) }

    /// The number of hex digits of an id.
    package static let hexLength = 40

    /// Writes the first `text.count` (at most 40) hex digits of the id into `text`.
    package func writeHex(into text: UnsafeMutableBufferPointer<UInt8>) {
        withUnsafeBytes(of: (high.bigEndian, middle.bigEndian, low.bigEndian)) { raw in
            Hex.write(UnsafeRawBufferPointer(rebasing: raw[0..<20]), into: text)
        }
    }

    /// The first `length` hex digits, as people abbreviate ids.
    public func abbreviated(_ length: Int = 12) -> String {
        String(ascii: min(length, Self.hexLength), writeHex)
    }

    public var isZero: Bool { high == 0 && middle == 0 && low == 0 }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low) }
}

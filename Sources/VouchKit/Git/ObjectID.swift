import CLibGit2

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

    /// Parses exactly 40 hex digits (either case), as commits and notes paths spell ids.
    init?(hexDigits digits: UnsafeRawBufferPointer) {
        guard digits.count == 40 else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for index in 0..<40 {
            let byte = digits[index]
            let value: UInt8
            switch byte {
            case 0x30...0x39: value = byte &- 0x30
            case 0x61...0x66: value = byte &- 0x61 &+ 10
            case 0x41...0x46: value = byte &- 0x41 &+ 10
            default: return nil
            }
            switch index {
            case 0..<16: words.0 = words.0 << 4 | UInt64(value)
            case 16..<32: words.1 = words.1 << 4 | UInt64(value)
            default: words.2 = words.2 << 4 | UInt64(value)
            }
        }
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

    public var description: String {
        String(unsafeUninitializedCapacity: Self.hexLength) { text in
            writeHex(into: text)
            return Self.hexLength
        }
    }

    /// The number of hex digits of an id.
    static let hexLength = 40

    /// Writes the first `text.count` (at most 40) hex digits of the id into `text`.
    func writeHex(into text: UnsafeMutableBufferPointer<UInt8>) {
        var position = 0
        func put(_ word: UInt64, digits: Int) {
            for index in 0..<digits where position < text.count {
                let digit = UInt8(truncatingIfNeeded: word >> UInt64(4 * (digits - 1 - index))) & 0x0F
                text[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                position += 1
            }
        }
        put(high, digits: 16)
        put(middle, digits: 16)
        put(UInt64(low), digits: 8)
    }

    /// The first `length` hex digits, as people abbreviate ids.
    public func abbreviated(_ length: Int = 12) -> String {
        let length = min(length, Self.hexLength)
        return String(unsafeUninitializedCapacity: length) { text in
            writeHex(into: text)
            return length
        }
    }

    public var isZero: Bool { high == 0 && middle == 0 && low == 0 }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low) }
}

/// Bytes spelled as hex digits, two a byte, high nibble first: object ids, digests, fingerprints,
/// escapes. The one encoder, so every output spells bytes the same way.
package enum Hex {
    /// Lower-case digits (as git and `sha256sum` print), or upper-case (as percent-encoding wants).
    @usableFromInline static let lowerDigits: StaticString = "0123456789abcdef"
    @usableFromInline static let upperDigits: StaticString = "0123456789ABCDEF"

    /// Writes the first `text.count` digits (at most two a byte) of `bytes` into `text`: a
    /// shorter `text` takes an abbreviation, an odd length ending on a high nibble.
    @inlinable
    package static func write(_ bytes: UnsafeRawBufferPointer, into text: UnsafeMutableBufferPointer<UInt8>, uppercase: Bool = false) {
        guard let target = text.baseAddress else { return }
        let digits = min(text.count, 2 * bytes.count)
        let table = (uppercase ? upperDigits : lowerDigits).utf8Start
        for index in 0..<(digits / 2) {
            let byte = bytes[index]
            target[2 * index] = table[Int(byte >> 4)]
            target[2 * index + 1] = table[Int(byte & 0x0F)]
        }
        if digits % 2 == 1 { target[digits - 1] = table[Int(bytes[digits / 2] >> 4)] }
    }

    /// All the bytes as a string of digits.
    @inlinable
    package static func string(_ bytes: some Sequence<UInt8>, uppercase: Bool = false) -> String {
        let bytes = Array(bytes)
        return bytes.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: 2 * raw.count) { text in
                write(raw, into: text, uppercase: uppercase)
                return 2 * raw.count
            }
        }
    }

    /// An integer as `2 * MemoryLayout<T>.size` digits, most significant first (zero-padded).
    package static func string<T: FixedWidthInteger>(_ value: T) -> String {
        withUnsafeBytes(of: value.bigEndian) { string($0) }
    }
}

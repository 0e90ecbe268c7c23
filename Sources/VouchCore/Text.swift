/// Small text helpers for the hot path of history walks, where Foundation's general versions
/// (Unicode-aware trimming and case folding) cost more than the rest of the work.
package enum Text {
    @inlinable package static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// C's `isspace` in the C locale, as git uses it.
    @inlinable package static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Decodes UTF-8 (with replacement characters) after dropping blanks (or `isTrimmed`
    /// bytes) at both ends.
    @inlinable package static func trimmed(_ bytes: ArraySlice<UInt8>, dropping isTrimmed: (UInt8) -> Bool = isBlank) -> String {
        bytes.withUnsafeBufferPointer { trimmed($0, dropping: isTrimmed) }
    }

    @inlinable package static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        trimmed(UnsafeBufferPointer(rebasing: bytes), dropping: isBlank)
    }

    @inlinable package static func trimmed(_ text: some StringProtocol) -> String {
        withUTF8(text) { trimmed($0, dropping: isBlank) }
    }

    @usableFromInline static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, dropping isTrimmed: (UInt8) -> Bool) -> String {
        var start = 0, end = bytes.count
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Equality ignoring ASCII case, which is all email addresses and trailer keys need.
    @inlinable package static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        withUTF8(lhs) { equalIgnoringCase($0, rhs) }
    }

    /// Whether the bytes spell `text`, ignoring ASCII case.
    @inlinable package static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        return withUTF8(text) { other in zip(bytes, other).allSatisfy { lower($0) == lower($1) } }
    }

    @inlinable package static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Calls `body` with the UTF-8 bytes of `text`: in place for native strings, through a copy
    /// for the others (`String.withUTF8`, which needs a mutable copy, costs more than the rest of
    /// the work on a short string).
    @inlinable package static func withUTF8<Result>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// `withUTF8` of a substring: in place within its base string when that one is native (the
    /// generic path goes through a dynamic cast for every substring).
    @inlinable package static func withUTF8<Result>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let base = text.base.utf8
        let found = base.withContiguousStorageIfAvailable { all -> Result in
            let start = base.distance(from: base.startIndex, to: text.startIndex)
            return body(UnsafeBufferPointer(rebasing: all[start..<(start + text.utf8.count)]))
        }
        if let found { return found }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// Calls `body` with `text.lowercased()` as UTF-8. ASCII text (names and emails nearly
    /// always are) is lowered byte by byte in a temporary buffer, without making a string.
    @inlinable package static func withLowercasedUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUTF8(text) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(text.lowercased().utf8).withUnsafeBufferPointer(body) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
                for index in bytes.indices { lowered[index] = lower(bytes[index]) }
                return body(UnsafeBufferPointer(lowered))
            }
        }
    }

    @inlinable package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The ASCII digits `text` starts with, as `text.prefix { $0.isASCII && $0.isNumber }` takes
    /// them, found by bytes: a digit is a whole character unless a non-ASCII scalar after it
    /// joins it (a combining mark), and only then do characters decide.
    @inlinable package static func leadingDigits(_ text: Substring) -> Substring {
        let bytes = text.utf8
        let end = bytes.firstIndex { !isDigit($0) } ?? bytes.endIndex
        if end < bytes.endIndex, bytes[end] >= 0x80 { return text.prefix { $0.isASCII && $0.isNumber } }
        return text[..<end]
    }

    /// `text.firstIndex(of: character)` for an ASCII character other than CR and LF, found by
    /// bytes: the byte is that character unless a non-ASCII neighbour joins it into a larger one
    /// (a combining mark after it), and only then do characters decide.
    @inlinable package static func firstIndex(of character: Character, in text: Substring) -> String.Index? {
        guard let byte = character.asciiValue, byte != 0x0A, byte != 0x0D else { return text.firstIndex(of: character) }
        let found: (offset: Int, standsAlone: Bool)? = withUTF8(text) { bytes in
            guard let offset = bytes.firstIndex(of: byte) else { return nil }
            let afterASCII = offset == 0 || bytes[offset - 1] < 0x80
            let beforeASCII = offset + 1 == bytes.count || bytes[offset + 1] < 0x80
            return (offset, afterASCII && beforeASCII)
        }
        guard let found else { return nil }
        return found.standsAlone ? text.utf8.index(text.startIndex, offsetBy: found.offset) : text.firstIndex(of: character)
    }
}

/// Small text helpers for the hot path of history walks, where Foundation's general versions
/// (Unicode-aware trimming and case folding) cost more than the rest of the work.
enum Text {
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// Decodes UTF-8 (with replacement characters) after dropping blanks at both ends.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        let text = Substring(text)
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isBlank(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isBlank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    /// Equality ignoring ASCII case, which is all email addresses and trailer keys need.
    static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { lower($0) == lower($1) }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Calls `body` with the UTF-8 bytes of `text`: in place for native strings, through a copy
    /// for the others (`String.withUTF8`, which needs a mutable copy, costs more than the rest of
    /// the work on a short string).
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Calls `body` with `text.lowercased()` as UTF-8. ASCII text (names and emails nearly
    /// always are) is lowered byte by byte in a temporary buffer, without making a string.
    static func withLowercasedUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUTF8(text) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(text.lowercased().utf8).withUnsafeBufferPointer(body) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
                for index in bytes.indices { lowered[index] = lower(bytes[index]) }
                return body(UnsafeBufferPointer(lowered))
            }
        }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The ASCII digits `text` starts with, as `text.prefix { $0.isASCII && $0.isNumber }` takes
    /// them, found by bytes: a digit is a whole character unless a non-ASCII scalar after it
    /// joins it (a combining mark), and only then do characters decide.
    static func leadingDigits(_ text: Substring) -> Substring {
        let bytes = text.utf8
        let end = bytes.firstIndex { !isDigit($0) } ?? bytes.endIndex
        if end < bytes.endIndex, bytes[end] >= 0x80 { return text.prefix { $0.isASCII && $0.isNumber } }
        return text[..<end]
    }

    /// `text.firstIndex(of: character)` for an ASCII character other than CR and LF, found by
    /// bytes: the byte is that character unless a non-ASCII neighbour joins it into a larger one
    /// (a combining mark after it), and only then do characters decide.
    static func firstIndex(of character: Character, in text: Substring) -> String.Index? {
        guard let byte = character.asciiValue, byte != 0x0A, byte != 0x0D else { return text.firstIndex(of: character) }
        let bytes = text.utf8
        guard let index = bytes.firstIndex(of: byte) else { return nil }
        let next = bytes.index(after: index)
        let afterASCII = index == bytes.startIndex || bytes[bytes.index(before: index)] < 0x80
        let beforeASCII = next == bytes.endIndex || bytes[next] < 0x80
        return afterASCII && beforeASCII ? index : text.firstIndex(of: character)
    }
}

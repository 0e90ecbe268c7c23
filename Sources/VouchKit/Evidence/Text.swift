/// Small text helpers for the hot path of history walks, where Foundation's general versions
/// (Unicode-aware trimming and case folding) cost more than the rest of the work.
enum Text {
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// C's `isspace` in the C locale, as git uses it.
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Decodes UTF-8 (with replacement characters) after dropping blanks (or `isTrimmed`
    /// bytes) at both ends.
    static func trimmed(_ bytes: ArraySlice<UInt8>, dropping isTrimmed: (UInt8) -> Bool = isBlank) -> String {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
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
}

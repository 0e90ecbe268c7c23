import Foundation

/// One `Key: value` line of a message's trailer block (continuation lines folded into the value).
public struct Trailer: Sendable, Hashable {
    /// The key as written (keys compare without regard to case).
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public func hasKey(_ other: String) -> Bool { Text.equalIgnoringCase(key, other) }
}

/// A commit message, decoded and split into what the evidence needs: the subject, the
/// trailer block, and line search over the body.
///
/// The trailers are exactly those `git log --format='%(trailers:only,unfold)'` prints
/// (`TrailerBlock`); lines of dashes, `---` included, do not end the message there.
public struct CommitMessage: Sendable {
    /// The message as UTF-8 bytes (converted from its declared encoding when it has one).
    public let bytes: [UInt8]
    /// The first line, without surrounding whitespace.
    public let subject: String
    public let trailers: [Trailer]
    /// Byte ranges of the lines (without line terminators).
    private let lines: [Range<Int>]

    /// Decodes raw message bytes: `encoding` is the commit's `encoding` header (nil = UTF-8).
    /// Text that is not valid in its encoding is decoded with replacement characters, never refused.
    public init(raw: [UInt8], encoding: String? = nil) {
        let bytes = Self.utf8(raw, encoding: encoding)
        let lines = Self.splitLines(bytes)
        self.bytes = bytes
        self.lines = lines
        subject = lines.first.map { Text.trimmed(bytes[$0]) } ?? ""
        trailers = TrailerBlock.trailers(in: bytes)
    }

    public init(_ text: String) { self.init(raw: Array(text.utf8)) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Values of the trailers with `key` (any case), in order.
    public func trailerValues(_ key: String) -> [String] {
        trailers.filter { $0.hasKey(key) }.map(\.value)
    }

    /// The value of the first trailer with `key` (any case).
    public func firstTrailerValue(_ key: String) -> String? {
        trailers.first { $0.hasKey(key) }?.value
    }

    /// Line prefixes to look for with `lines(startingWith:)`, prepared once: in lower case, as
    /// bytes, with the bytes that can start one.
    public struct LinePrefixes: Sendable {
        fileprivate let needles: [[UInt8]]
        fileprivate let startsOne: [Bool]

        public init(_ prefixes: [String]) {
            needles = prefixes.map { Array($0.utf8).map(Text.lower) }
            var startsOne = [Bool](repeating: false, count: 256)
            for needle in needles where !needle.isEmpty {
                startsOne[Int(needle[0])] = true
                if needle[0] >= 0x61, needle[0] <= 0x7A { startsOne[Int(needle[0] - 0x20)] = true }
            }
            self.startsOne = startsOne
        }
    }

    /// For each body line (after the subject) that starts with one of `prefixes` (ignoring
    /// ASCII case): which prefix, and the rest of the line without surrounding blanks. One pass
    /// over the message, whatever the number of prefixes.
    public func lines(startingWith prefixes: LinePrefixes) -> [(prefix: Int, rest: String)] {
        var found: [(prefix: Int, rest: String)] = []
        for range in lines.dropFirst() where !range.isEmpty && prefixes.startsOne[Int(bytes[range.lowerBound])] {
            for (index, needle) in prefixes.needles.enumerated() where range.count >= needle.count {
                var matches = true
                for offset in 0..<needle.count where Text.lower(bytes[range.lowerBound + offset]) != needle[offset] {
                    matches = false
                    break
                }
                if matches {
                    found.append((index, Text.trimmed(bytes[(range.lowerBound + needle.count)..<range.upperBound])))
                    break
                }
            }
        }
        return found
    }

    // MARK: Decoding

    static func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }

    /// Encodings git users declare with `i18n.commitEncoding`, by their IANA names.
    private static let encodings: [String: String.Encoding] = [
        "iso-8859-1": .isoLatin1, "iso8859-1": .isoLatin1, "latin1": .isoLatin1, "latin-1": .isoLatin1,
        "iso-8859-2": .isoLatin2, "iso8859-2": .isoLatin2, "latin2": .isoLatin2,
        "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
        "windows-1252": .windowsCP1252, "cp1252": .windowsCP1252,
        "windows-1253": .windowsCP1253, "cp1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "cp1254": .windowsCP1254,
        "shift_jis": .shiftJIS, "shift-jis": .shiftJIS, "sjis": .shiftJIS,
        "euc-jp": .japaneseEUC, "eucjp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
        "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
        "us-ascii": .ascii, "ascii": .ascii,
    ]

    static func utf8(_ raw: [UInt8], encoding: String?) -> [UInt8] {
        guard let name = encoding?.lowercased(), name != "utf-8", name != "utf8",
              let known = encodings[name], let decoded = String(data: Data(raw), encoding: known)
        else { return raw }
        return Array(decoded.utf8)
    }

    private static func splitLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(16)
        var start = 0
        // Line by line with `memchr`: messages are read for every change of a history.
        while let index = bytes.firstIndex(of: 0x0A, from: start) {
            let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
            lines.append(start..<end)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }
}

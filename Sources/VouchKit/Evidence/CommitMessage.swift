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
/// The trailer block is found the way `git interpret-trailers` finds it, so Vouch and
/// `git log --format=%(trailers)` agree: the last paragraph after the subject, when all its
/// lines are trailers, or when it holds a git-generated trailer (`Signed-off-by:`) and at least
/// a quarter of its lines are trailers. Like git, a line `---` followed by a space or the end of
/// the line starts a patch and ends the message; lines of dashes such as GitHub's `---------`
/// do not (libgit2 1.5 stops at them, losing the `Co-authored-by:` trailers after them).
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
        trailers = Self.trailers(in: bytes, lines: lines)
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

    // MARK: Trailers

    /// Whether the line starts with a trailer git itself writes.
    private static func isGenerated(_ line: ArraySlice<UInt8>) -> Bool {
        starts(line, with: "Signed-off-by: ") || starts(line, with: "(cherry picked from commit ")
    }

    private static func starts(_ line: ArraySlice<UInt8>, with prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        return line.count >= length && line.withUnsafeBufferPointer { memcmp($0.baseAddress!, prefix.utf8Start, length) == 0 }
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
    private static func isComment(_ line: ArraySlice<UInt8>) -> Bool { line.first == UInt8(ascii: "#") }

    /// Where the `:` of a trailer is (git's `find_separator`): after a token of letters, digits
    /// and `-`, optionally followed by blanks. Nil when the line is not a trailer.
    static func separator(in line: ArraySlice<UInt8>) -> Int? {
        var whitespace = false
        for index in line.indices {
            let byte = line[index]
            if byte == UInt8(ascii: ":") { return index == line.startIndex ? nil : index }
            let isTokenByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
            if !whitespace, isTokenByte { continue }
            if index != line.startIndex, byte == 0x20 || byte == 0x09 {
                whitespace = true
                continue
            }
            return nil
        }
        return nil
    }

    private static func trailers(in bytes: [UInt8], lines: [Range<Int>]) -> [Trailer] {
        // The message ends at a patch divider ("---" then whitespace), as in git.
        var end = lines.count
        for (number, range) in lines.enumerated() where range.count >= 3 {
            let line = bytes[range]
            if line.starts(with: [0x2D, 0x2D, 0x2D]), range.count == 3 || Text.isSpace(line[range.lowerBound + 3]) {
                end = number
                break
            }
        }
        // The subject paragraph is never the trailer block.
        var titleEnd = 0
        while titleEnd < end, isComment(bytes[lines[titleEnd]]) || !isBlank(bytes[lines[titleEnd]]) { titleEnd += 1 }
        guard titleEnd < end else { return [] }

        var trailerLines = 0, nonTrailerLines = 0, continuationLines = 0
        var recognized = false, onlySpaces = true
        var blockStart: Int?
        var number = end - 1
        while number >= titleEnd {
            let line = bytes[lines[number]]
            defer { number -= 1 }
            if isComment(line) {
                nonTrailerLines += continuationLines
                continuationLines = 0
                continue
            }
            if isBlank(line) {
                if onlySpaces { continue }
                nonTrailerLines += continuationLines
                if (recognized && trailerLines * 3 >= nonTrailerLines) || (trailerLines > 0 && nonTrailerLines == 0) {
                    blockStart = number + 1
                }
                break
            }
            onlySpaces = false
            if isGenerated(line) {
                trailerLines += 1
                continuationLines = 0
                recognized = true
            } else if separator(in: line) != nil, !Text.isSpace(line.first!) {
                trailerLines += 1
                continuationLines = 0
            } else if Text.isSpace(line.first!) {
                continuationLines += 1
            } else {
                nonTrailerLines += 1 + continuationLines
                continuationLines = 0
            }
        }
        guard let blockStart else { return [] }

        var trailers: [Trailer] = []
        var lastWasTrailer = false
        for range in lines[blockStart..<end] {
            let line = bytes[range]
            if isComment(line) || isBlank(line) { continue }
            if Text.isSpace(line.first!) {
                if lastWasTrailer, !trailers.isEmpty {
                    let more = Text.trimmed(line)
                    trailers[trailers.count - 1].value += trailers[trailers.count - 1].value.isEmpty ? more : " " + more
                }
                continue
            }
            guard let colon = separator(in: line) else {
                lastWasTrailer = false
                continue
            }
            trailers.append(Trailer(
                key: Text.trimmed(bytes[range.lowerBound..<colon]),
                value: Text.trimmed(bytes[(colon + 1)..<range.upperBound])))
            lastWasTrailer = true
        }
        return trailers
    }
}

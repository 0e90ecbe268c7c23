/// A paragraph of a note on `refs/notes/vouch` written from a review platform (it has a
/// `Source: github` or `Source: gitlab` line). Other paragraphs (`vouch approve`'s) are left to
/// `NoteApprovals`.
public enum PlatformNote: Sendable, Hashable {
    /// The merged request that landed this change.
    case review(PlatformReviewNote)
    /// `Pull-request: none`: the platform was asked, and no merged request landed this change
    /// (a direct push, whatever its subject says).
    case unclaimed(ReviewPlatform)
    /// `Pull-request-unmatched: URL merged at T as SHA`: requests merged into the branch at this
    /// point whose landed commit is not on the first-parent line.
    case unmatched(ReviewPlatform, [String])

    public var platform: ReviewPlatform {
        switch self {
        case .review(let note): note.platform
        case .unclaimed(let platform), .unmatched(let platform, _): platform
        }
    }

    /// The paragraph's text, ending with a line feed.
    public var text: String {
        switch self {
        case .review(let note): note.text
        case .unclaimed(let platform): "Source: \(platform.rawValue)\nPull-request: none\n"
        case .unmatched(let platform, let lines): "Source: \(platform.rawValue)\n" + lines.map { "Pull-request-unmatched: \($0)\n" }.joined()
        }
    }

    /// Whether a note's bytes may hold platform paragraphs (a cheap test before splitting them).
    static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker: StaticString = "Source: "
        guard bytes.count > marker.utf8CodeUnitCount else { return false }
        return marker.withUTF8Buffer { marker in
            var index = 0
            while index + marker.count <= bytes.count {
                if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) { return true }
                index += 1
            }
            return false
        }
    }

    /// The note's paragraphs (split at blank lines), each as a platform note or as plain text. A
    /// line that starts with a space or tab continues the line above (a signature's armor keeps
    /// its blank lines that way), so it never ends a paragraph.
    public static func paragraphs(of text: String) -> [Paragraph] {
        Text.withUTF8(text) { paragraphs(of: $0) }
    }

    /// The paragraphs, found by bytes. Lines end at a line feed; a carriage return just before it
    /// belongs to the line end, not to the line, so a note written with CR LF line ends (by an
    /// editor or a tool on Windows) reads as the one written with line feeds. A line is blank when
    /// it is empty, or holds nothing but spaces, tabs and carriage returns and does not start with
    /// a space or tab.
    static func paragraphs(of bytes: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
        var result: [Paragraph] = []
        var lines: [Range<Int>] = []
        func flush() {
            guard !lines.isEmpty else { return }
            result.append(paragraph(lines, in: bytes))
            lines.removeAll(keepingCapacity: true)
        }
        var start = 0
        while true {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = start..<(end > start && end < bytes.count && bytes[end - 1] == 0x0D ? end - 1 : end)
            if line.isEmpty || (bytes[start] == 0x0D && bytes[line].allSatisfy(Text.isBlank)) { flush() } else { lines.append(line) }
            guard end < bytes.count else { break }
            start = end + 1
        }
        flush()
        return result
    }

    /// One paragraph of a note.
    public enum Paragraph: Sendable, Hashable {
        case platform(PlatformNote)
        case plain(String)

        public var text: String {
            switch self {
            case .platform(let note): note.text
            case .plain(let text): text
            }
        }
    }

    private static func paragraph(_ lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> Paragraph {
        let fields = lines.compactMap { field(of: bytes[$0]) }
        var plain: Paragraph { .plain(plainText(lines, in: bytes)) }
        guard let source = fields.first(where: { $0.key == "source" }), let platform = ReviewPlatform(rawValue: source.value.lowercased()) else { return plain }
        let unmatched = fields.filter { $0.key == "pull-request-unmatched" }.map { String($0.value) }
        if !unmatched.isEmpty { return .platform(.unmatched(platform, unmatched)) }
        if fields.contains(where: { $0.key == "pull-request" && $0.value.lowercased() == "none" }) { return .platform(.unclaimed(platform)) }
        guard let note = PlatformReviewNote(platform: platform, fields: fields) else { return plain }
        return .platform(.review(note))
    }

    /// A plain paragraph's lines, each ending with a line feed (a CR LF line end becomes one).
    private static func plainText(_ lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> String {
        if zip(lines, lines.dropFirst()).allSatisfy({ $0.upperBound + 1 == $1.lowerBound }) {
            return String(decoding: bytes[lines[0].lowerBound..<lines[lines.count - 1].upperBound], as: UTF8.self) + "\n"
        }
        var text: [UInt8] = []
        for line in lines {
            text += bytes[line]
            text.append(0x0A)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A line's `key: value`, trimmed, with the key lowercased; nil for a line without a colon.
    /// The colon is the line's first colon character: a colon byte with ASCII on both sides is
    /// one, and only a non-ASCII neighbour (a combining mark after it) leaves it to characters.
    private static func field(of line: Slice<UnsafeBufferPointer<UInt8>>) -> (key: String, value: Substring)? {
        guard let colon = line.firstIndex(of: 0x3A) else { return nil }
        let standsAlone = (colon == line.startIndex || line[colon - 1] < 0x80) && (colon + 1 == line.endIndex || line[colon + 1] < 0x80)
        guard standsAlone else {
            let text = String(decoding: line, as: UTF8.self)
            guard let found = text.firstIndex(of: ":") else { return nil }
            return (Text.trimmed(text[..<found]).lowercased(), Substring(Text.trimmed(text[text.index(after: found)...])))
        }
        var from = line.startIndex, to = colon
        while from < to, Text.isBlank(line[from]) { from += 1 }
        while to > from, Text.isBlank(line[to - 1]) { to -= 1 }
        let keyBytes = line[from..<to]
        let key = keyBytes.allSatisfy({ $0 < 0x80 })
            ? String(unsafeUninitializedCapacity: keyBytes.count) { key in
                for (offset, byte) in keyBytes.enumerated() { key[offset] = Text.lower(byte) }
                return keyBytes.count
            }
            : String(decoding: keyBytes, as: UTF8.self).lowercased()
        return (key, Substring(Text.trimmed(line[(colon + 1)...])))
    }

    /// The platform notes in a note's text.
    public static func parse(_ text: String) -> [PlatformNote] {
        Text.withUTF8(text) { read($0).notes }
    }

    /// The note's text without its platform paragraphs (what `NoteApprovals` reads as approvals).
    static func plainText(_ text: String) -> String {
        Text.withUTF8(text) { mayContain($0) ? read($0).plainText : text }
    }

    /// A note read once: its platform paragraphs, and its text without them.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (notes: [PlatformNote], plainText: String) {
        guard mayContain(bytes) else { return ([], String(decoding: bytes, as: UTF8.self)) }
        var notes: [PlatformNote] = [], plain: [String] = []
        for paragraph in paragraphs(of: bytes) {
            switch paragraph {
            case .platform(let note): notes.append(note)
            case .plain(let text): plain.append(text)
            }
        }
        return (notes, plain.joined(separator: "\n"))
    }
}

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

    /// Whether `text` may hold platform paragraphs (a cheap test before splitting it).
    static func mayContain(_ text: String) -> Bool { text.utf8.count > 8 && text.contains("Source: ") }

    /// The note's paragraphs (split at blank lines), each as a platform note or as plain text. A
    /// line that starts with a space or tab continues the line above (a signature's armor keeps
    /// its blank lines that way), so it never ends a paragraph.
    public static func paragraphs(of text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [Substring] = []
        func flush() {
            guard !current.isEmpty else { return }
            result.append(paragraph(current))
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if Text.trimmed(line).isEmpty, line.first != " ", line.first != "\t" { flush() } else { current.append(line) }
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

    private static func paragraph(_ lines: [Substring]) -> Paragraph {
        let fields: [(key: Substring, value: Substring)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (Substring(Text.trimmed(line[..<colon])), Substring(Text.trimmed(line[line.index(after: colon)...])))
        }
        let plain = Paragraph.plain(lines.joined(separator: "\n") + "\n")
        guard let source = fields.first(where: { $0.key.lowercased() == "source" }), let platform = ReviewPlatform(rawValue: source.value.lowercased()) else { return plain }
        let unmatched = fields.filter { $0.key.lowercased() == "pull-request-unmatched" }.map { String($0.value) }
        if !unmatched.isEmpty { return .platform(.unmatched(platform, unmatched)) }
        if fields.contains(where: { $0.key.lowercased() == "pull-request" && $0.value.lowercased() == "none" }) { return .platform(.unclaimed(platform)) }
        guard let note = PlatformReviewNote(platform: platform, fields: fields) else { return plain }
        return .platform(.review(note))
    }

    /// The platform notes in a note's text.
    public static func parse(_ text: String) -> [PlatformNote] {
        guard mayContain(text) else { return [] }
        return paragraphs(of: text).compactMap { if case .platform(let note) = $0 { note } else { nil } }
    }

    /// The note's text without its platform paragraphs (what `NoteApprovals` reads as approvals).
    static func plainText(_ text: String) -> String {
        guard mayContain(text) else { return text }
        return paragraphs(of: text).compactMap { if case .plain(let plain) = $0 { plain } else { nil } }.joined(separator: "\n")
    }
}

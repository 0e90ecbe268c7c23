import Foundation

/// Accounts of automation (dependency updaters, release bots): the configured patterns plus
/// GitHub's `name[bot]` convention. A pattern matches a name or an email, `*` and `?` allowed,
/// case ignored.
public struct BotAccounts: Sendable, Hashable {
    public static let builtIn = ["*[bot]", "*[bot]@*"]
    public let patterns: [String]
    /// The patterns in lower case, lowered once rather than for every change checked, each with
    /// its first literal byte: text without that byte cannot match, which rules out nearly every
    /// name at the cost of a `memchr` (see `matches`).
    private let lowercasedPatterns: [(pattern: [UInt8], firstLiteral: UInt8?)]

    public init(_ configured: [String]) {
        patterns = Self.builtIn + configured
        lowercasedPatterns = patterns.map { pattern in
            let lowered = Array(pattern.lowercased().utf8)
            return (lowered, lowered.first { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "?") })
        }
    }

    public func contains(_ identity: Identity) -> Bool { matches(identity.name) || matches(identity.email) }

    /// Whether ASCII `bytes` contain `literal` (a lower-case byte) in either case.
    private static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: UInt8?) -> Bool {
        guard let literal else { return true }
        guard !bytes.isEmpty else { return false }
        let upper = literal >= 0x61 && literal <= 0x7A ? literal - 0x20 : literal
        return memchr(bytes.baseAddress!, Int32(literal), bytes.count) != nil
            || (upper != literal && memchr(bytes.baseAddress!, Int32(upper), bytes.count) != nil)
    }

    public static func == (lhs: BotAccounts, rhs: BotAccounts) -> Bool { lhs.patterns == rhs.patterns }

    public func hash(into hasher: inout Hasher) { hasher.combine(patterns) }

    private func matches(_ text: String) -> Bool {
        // In ASCII text (names and emails nearly always are), a pattern's first literal can be
        // looked for in either case before anything is lowered: most texts stop here.
        let ruledOut = Text.withUTF8(text) { bytes in
            bytes.allSatisfy { $0 < 0x80 } && !lowercasedPatterns.contains { Self.mayContain(bytes, $0.firstLiteral) }
        }
        if ruledOut { return false }
        return Text.withLowercasedUTF8(text) { lowercased in
            lowercasedPatterns.contains { Wildcard.matches($0.pattern, lowercased) }
        }
    }
}

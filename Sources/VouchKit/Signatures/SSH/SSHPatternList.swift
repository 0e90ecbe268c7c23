/// A comma-separated list of patterns as OpenSSH matches them (`match_pattern_list`): `*` and
/// `?` wildcards, `!` before a pattern to exclude what it matches. Used for allowed signers'
/// principals and `namespaces=`.
public struct SSHPatternList: Sendable, Hashable {
    public let text: String
    private let patterns: [(negated: Bool, pattern: [UInt8])]

    public init(_ text: String) {
        self.text = text
        patterns = text.split(separator: ",", omittingEmptySubsequences: false).map { piece in
            piece.hasPrefix("!") ? (true, Array(piece.dropFirst().utf8)) : (false, Array(piece.utf8))
        }
    }

    public static func == (lhs: SSHPatternList, rhs: SSHPatternList) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Whether `value` matches a pattern of the list and no negated one.
    public func matches(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        var matched = false
        for (negated, pattern) in patterns where Self.match(bytes[...], pattern[...]) {
            if negated { return false }
            matched = true
        }
        return matched
    }

    /// Wildcard matching of a whole string: `*` any run of bytes, `?` one byte.
    static func match(_ value: ArraySlice<UInt8>, _ pattern: ArraySlice<UInt8>) -> Bool {
        var value = value, pattern = pattern
        var star: (pattern: ArraySlice<UInt8>, value: ArraySlice<UInt8>)?
        while true {
            if let p = pattern.first, p == UInt8(ascii: "*") {
                pattern = pattern.dropFirst()
                star = (pattern, value)
                continue
            }
            if let v = value.first {
                if let p = pattern.first, p == UInt8(ascii: "?") || p == v {
                    value = value.dropFirst()
                    pattern = pattern.dropFirst()
                    continue
                }
            } else if pattern.isEmpty {
                return true
            }
            // Backtrack: let the last `*` take one more byte.
            guard let (starPattern, starValue) = star, !starValue.isEmpty else { return false }
            star = (starPattern, starValue.dropFirst())
            pattern = starPattern
            value = starValue.dropFirst()
        }
    }
}

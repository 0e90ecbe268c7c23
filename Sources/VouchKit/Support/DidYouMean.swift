/// Suggestions for a misspelt name, from the closest candidates by edit distance.
enum DidYouMean {
    /// Up to `limit` candidates within a distance proportional to the word's length,
    /// closest first; an exact match ignoring case always wins.
    static func suggestions(for word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        var scored: [(String, Int)] = []
        for candidate in candidates {
            if candidate.lowercased() == lowered { return [candidate] }
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= max(1, min(3, word.count / 3)) { scored.append((candidate, distance)) }
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// " (did you mean 'a' or 'b'?)", or "" when nothing is close.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        let found = suggestions(for: word, in: candidates)
        guard !found.isEmpty else { return "" }
        return "; did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

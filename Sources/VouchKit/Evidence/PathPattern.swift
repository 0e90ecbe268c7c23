/// A path glob from `vouch.yml` (`change_management.paths`, `sensitive_paths`), anchored at the
/// repository root.
///
/// `**` is any number of folders (including none), `*` is any run of characters within one
/// name, `?` is one character; everything else is literal. A pattern that names a folder covers
/// everything below it, so `docs` and `docs/` and `docs/**` are the same scope.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let segments: [[UInt8]]

    public init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    public var description: String { text }

    /// True for `**` (and equivalents): every path matches.
    public var matchesEverything: Bool { segments.allSatisfy { $0 == Self.doubleStar } }

    /// Whether the file at `path` (relative, `/`-separated) is covered.
    public func matches(_ path: String) -> Bool {
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { $0 }
        return match(0, parts[...], allowsBelow: true, partialPath: false)
    }

    /// Whether some path below `directory` (e.g. `src/app/`) could be covered, so a tree
    /// comparison knows it may skip folders that cannot.
    public func couldMatch(below directory: String) -> Bool {
        let parts = directory.utf8.split(separator: UInt8(ascii: "/")).map { $0 }
        return match(0, parts[...], allowsBelow: true, partialPath: true)
    }

    private static let doubleStar: [UInt8] = Array("**".utf8)

    /// Matches pattern segments from `index` against the path's remaining names. With
    /// `partialPath`, running out of path first is a success (the path is a folder prefix).
    private func match(_ index: Int, _ path: ArraySlice<Substring.UTF8View.SubSequence>, allowsBelow: Bool, partialPath: Bool) -> Bool {
        guard index < segments.count else { return path.isEmpty || allowsBelow }
        guard let name = path.first else { return partialPath || segments[index...].allSatisfy { $0 == Self.doubleStar } }
        if segments[index] == Self.doubleStar {
            // Either `**` matches nothing more, or it swallows this name and stays.
            return match(index + 1, path, allowsBelow: allowsBelow, partialPath: partialPath)
                || match(index, path.dropFirst(), allowsBelow: allowsBelow, partialPath: partialPath)
        }
        guard Wildcard.matches(segments[index], Array(name)) else { return false }
        return match(index + 1, path.dropFirst(), allowsBelow: allowsBelow, partialPath: partialPath)
    }
}

/// Several patterns, any of which may match.
public struct PathPatternSet: Sendable, Hashable {
    public let patterns: [PathPattern]

    public init(_ patterns: [PathPattern]) { self.patterns = patterns }
    public init(_ texts: [String]) { self.init(texts.map(PathPattern.init)) }

    public var isEmpty: Bool { patterns.isEmpty }
    public var matchesEverything: Bool { patterns.contains { $0.matchesEverything } }
    public func matches(_ path: String) -> Bool { patterns.contains { $0.matches(path) } }
    public func couldMatch(below directory: String) -> Bool { patterns.contains { $0.couldMatch(below: directory) } }

    /// A tree filter over these patterns that remembers each answer: a walk asks about the same
    /// folders (`src/`, `docs/`) for every commit. Each call makes a filter with answers of its own.
    public var treeFilter: TreePathFilter {
        let folders = AnswerCache<Bool> { self.couldMatch(below: $0) }
        let files = AnswerCache<Bool> { self.matches($0) }
        return TreePathFilter(descends: folders.answer, includes: files.answer)
    }
}

/// Answers for paths, computed once each. Not Sendable: it belongs to the filter, and so to the
/// one stage of a walk that compares trees.
private final class AnswerCache<Answer> {
    private var answers: [String: Answer] = [:]
    private let compute: (String) -> Answer

    init(_ compute: @escaping (String) -> Answer) { self.compute = compute }

    func answer(_ path: String) -> Answer {
        if let known = answers[path] { return known }
        let value = compute(path)
        // Files are many; remembering folders is what pays. Bound the memory either way.
        if answers.count < 100_000 { answers[path] = value }
        return value
    }
}

/// `*` (any run of characters) and `?` (one character) matching of a whole text, as in path
/// names and bot account patterns.
enum Wildcard {
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { matches(pattern, $0) }
    }

    /// The usual scan that backtracks to the last `*` only: linear in practice, never exponential.
    static func matches(_ pattern: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var p = 0, t = 0, lastStar = -1, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] != star, pattern[p] == question || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == star {
                lastStar = p
                resume = t
                p += 1
            } else if lastStar >= 0 {
                p = lastStar + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}

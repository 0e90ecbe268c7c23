import Foundation
import Yams

/// Parses a YAML block (front matter or a configuration file) into a Yams node tree, turning every
/// problem into a finding with the file's own line and column.
///
/// Two things are refused before libyaml sees the text: tab indentation (YAML forbids it, and
/// libyaml's message does not say so) and anchors or aliases (a few aliases can expand into
/// gigabytes, the "billion laughs"; program files never need them).
public struct YAMLParser: Sendable {
    public var path: String
    /// File line on which the YAML text starts.
    public var firstLine: Int

    public init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    /// The file location of a node of this YAML text.
    public func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: path, line: firstLine, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + firstLine - 1, column: max(column, 1))
    }

    /// Parses `yaml`; nil root (an empty document) is returned as `nil`.
    public func parse(_ yaml: String) -> Result<Node?, FindingError> {
        let scan = Self.preScan(yaml)
        if let tab = scan.tab {
            return .failure(FindingError(YAMLTabRule.finding(
                at: location(line: tab.line, column: tab.column),
                "tab used for indentation; YAML only allows spaces, so replace the tab with spaces")))
        }
        if let anchor = scan.anchor {
            return .failure(FindingError(YAMLAliasRule.finding(
                at: location(line: anchor.line, column: anchor.column),
                "YAML \(anchor.isAlias ? "alias" : "anchor") '\(anchor.name)' is not allowed in program files; write the value out in full")))
        }
        let root: Node?
        do {
            // The basic resolver leaves every scalar a string: Vouch types values itself, and the
            // default resolver's regular expressions cost more than the rest of the parse.
            root = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            return .failure(FindingError(finding(for: error, yaml: yaml)))
        } catch {
            return .failure(FindingError(YAMLSyntaxRule.finding(at: location(line: 1, column: 1), "YAML could not be read: \(error)")))
        }
        if let root, let anchored = firstAnchoredNode(root) {
            return .failure(FindingError(YAMLAliasRule.finding(
                at: location(of: anchored),
                "YAML anchors and aliases are not allowed in program files; write the value out in full")))
        }
        return .success(root)
    }

    private func finding(for error: YamlError, yaml: String) -> Finding {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + firstLine - 1))" }
            message += hint(for: problem)
            return YAMLSyntaxRule.finding(at: location(line: mark.line, column: mark.column), message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let position = secondOccurrence(ofKey: key, in: yaml, after: context.mark.line) ?? (context.mark.line, context.mark.column)
            return YAMLDuplicateKeyRule.finding(
                at: location(line: position.0, column: position.1),
                "key '\(key)' appears more than once in the same mapping; keep one and merge the values")
        case let .reader(problem, _, _, _):
            return YAMLSyntaxRule.finding(at: location(line: 1, column: 1), "YAML could not be read: \(problem)")
        default:
            return YAMLSyntaxRule.finding(at: location(line: 1, column: 1), "YAML could not be read: \(error)")
        }
    }

    private func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "; a value containing ': ' must be quoted"
        }
        if problem.contains("cannot start any token") {
            return "; quote values that start with a special character such as @, ` or %"
        }
        return ""
    }

    /// Where the key appears again below its first line (the first occurrence is not the mistake).
    private func secondOccurrence(ofKey key: String, in yaml: String, after firstLine: Int) -> (Int, Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            let unquoted = trimmed.hasPrefix("\"\(key)\"") || trimmed.hasPrefix("'\(key)'") ? trimmed.dropFirst(key.count + 2) : (trimmed.hasPrefix(key) ? trimmed.dropFirst(key.count) : nil)
            guard let rest = unquoted, rest.drop(while: { $0 == " " }).first == ":" else { continue }
            if seen || index + 1 > firstLine {
                return (index + 1, line.count - trimmed.count + 1)
            }
            seen = true
        }
        return nil
    }

    struct AnchorPosition { var line: Int; var column: Int; var name: String; var isAlias: Bool }

    /// One pass over the bytes, before libyaml: the first tab used as indentation and the first
    /// `&anchor` or `*alias` where a node starts (outside quotes, comments and block scalars).
    static func preScan(_ yaml: String) -> (tab: (line: Int, column: Int)?, anchor: AnchorPosition?) {
        var text = yaml
        return text.withUTF8 { bytes in
            let mayHaveAnchors = bytes.contains(UInt8(ascii: "&")) || bytes.contains(UInt8(ascii: "*"))
            var blockIndent: Int?
            var lineStart = 0
            var lineNumber = 1
            while lineStart <= bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let line = bytes[lineStart..<lineEnd]
                defer { lineStart = lineEnd + 1; lineNumber += 1 }
                let spaces = line.prefix { $0 == 0x20 }.count
                let isBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if let block = blockIndent, isBlank || spaces > block { continue }
                blockIndent = nil
                if isBlank { continue }
                let leading = line.prefix { $0 == 0x20 || $0 == 0x09 }
                if let tab = leading.firstIndex(of: 0x09) {
                    return ((lineNumber, tab - lineStart + 1), nil)
                }
                if mayHaveAnchors, let found = anchorOrAlias(in: line) {
                    let column = bytes[lineStart..<found.index].count { $0 & 0xC0 != 0x80 } + 1
                    return (nil, AnchorPosition(line: lineNumber, column: column, name: found.name, isAlias: found.isAlias))
                }
                if opensBlockScalar(line) { blockIndent = spaces }
            }
            return (nil, nil)
        }
    }

    private static func anchorOrAlias(in line: Slice<UnsafeBufferPointer<UInt8>>) -> (index: Int, name: String, isAlias: Bool)? {
        var atNodeStart = true
        var quote: UInt8?
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            let next = index + 1 < line.endIndex ? line[index + 1] : 0x20
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            switch byte {
            case 0x20:
                break
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atNodeStart { quote = byte }
                atNodeStart = false
            case UInt8(ascii: "#") where index == line.startIndex || line[index - 1] == 0x20:
                return nil
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                atNodeStart = next == 0x20
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                atNodeStart = true
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                if atNodeStart, next != 0x20 {
                    let nameBytes = line[(index + 1)...].prefix { !" ,[]{}".utf8.contains($0) }
                    return (index, String(decoding: nameBytes, as: UTF8.self), byte == UInt8(ascii: "*"))
                }
                atNodeStart = false
            default:
                atNodeStart = false
            }
            index += 1
        }
        return nil
    }

    /// Whether a line ends with a block scalar indicator (`|`, `>`, with optional chomping/indent).
    private static func opensBlockScalar(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var end = line.endIndex
        // Drop a trailing comment and spaces.
        if let hash = line.indices.first(where: { line[$0] == UInt8(ascii: "#") && $0 > line.startIndex && line[$0 - 1] == 0x20 }) { end = hash }
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x0D { end -= 1 }
        var indicator = end - 1
        while indicator >= line.startIndex, line[indicator] == UInt8(ascii: "-") || line[indicator] == UInt8(ascii: "+") || (0x30...0x39).contains(line[indicator]) {
            indicator -= 1
        }
        guard indicator >= line.startIndex, line[indicator] == UInt8(ascii: "|") || line[indicator] == UInt8(ascii: ">") else { return false }
        var before = indicator - 1
        while before >= line.startIndex, line[before] == 0x20 { before -= 1 }
        return before < line.startIndex || line[before] == UInt8(ascii: ":") || line[before] == UInt8(ascii: "-")
    }

    /// Defence in depth: the first node libyaml reports as anchored, without descending into it.
    private func firstAnchoredNode(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchoredNode(key) ?? firstAnchoredNode(value) { return found }
            }
        case .sequence(let sequence):
            for element in sequence {
                if let found = firstAnchoredNode(element) { return found }
            }
        case .scalar, .alias:
            break
        }
        return nil
    }
}

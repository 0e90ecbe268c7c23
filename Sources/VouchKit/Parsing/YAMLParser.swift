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
        if let tab = firstTabIndentation(in: yaml) {
            return .failure(FindingError(YAMLRules.tab.finding(
                at: location(line: tab.line, column: tab.column),
                "tab used for indentation; YAML only allows spaces, so replace the tab with spaces")))
        }
        if let anchor = firstAnchorOrAlias(in: yaml) {
            return .failure(FindingError(YAMLRules.alias.finding(
                at: location(line: anchor.line, column: anchor.column),
                "YAML \(anchor.isAlias ? "alias" : "anchor") '\(anchor.name)' is not allowed in program files; write the value out in full")))
        }
        let root: Node?
        do {
            root = try Parser(yaml: yaml).singleRoot()
        } catch let error as YamlError {
            return .failure(FindingError(finding(for: error, yaml: yaml)))
        } catch {
            return .failure(FindingError(YAMLRules.syntax.finding(at: location(line: 1, column: 1), "YAML could not be read: \(error)")))
        }
        if let root, let anchored = firstAnchoredNode(root) {
            return .failure(FindingError(YAMLRules.alias.finding(
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
            return YAMLRules.syntax.finding(at: location(line: mark.line, column: mark.column), message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let position = secondOccurrence(ofKey: key, in: yaml, after: context.mark.line) ?? (context.mark.line, context.mark.column)
            return YAMLRules.duplicateKey.finding(
                at: location(line: position.0, column: position.1),
                "key '\(key)' appears more than once in the same mapping; keep one and merge the values")
        case let .reader(problem, _, _, _):
            return YAMLRules.syntax.finding(at: location(line: 1, column: 1), "YAML could not be read: \(problem)")
        default:
            return YAMLRules.syntax.finding(at: location(line: 1, column: 1), "YAML could not be read: \(error)")
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

    private func firstTabIndentation(in yaml: String) -> (line: Int, column: Int)? {
        var blockIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = line.prefix(while: { $0 == " " || $0 == "\t" })
            if let block = blockIndent, line.prefix(while: { $0 == " " }).count > block || line.allSatisfy({ $0 == " " }) {
                continue
            }
            blockIndent = nil
            if let tab = indentation.firstIndex(of: "\t"), indentation.count < line.count {
                return (index + 1, line.distance(from: line.startIndex, to: tab) + 1)
            }
            if opensBlockScalar(line) { blockIndent = indentation.count }
        }
        return nil
    }

    struct AnchorPosition { var line: Int; var column: Int; var name: String; var isAlias: Bool }

    /// Finds `&name` or `*name` where a YAML node starts, outside quotes, comments and block scalars.
    func firstAnchorOrAlias(in yaml: String) -> AnchorPosition? {
        guard yaml.contains("&") || yaml.contains("*") else { return nil }
        var blockIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = line.prefix(while: { $0 == " " }).count
            if let block = blockIndent, indentation > block || line.allSatisfy({ $0 == " " }) { continue }
            blockIndent = nil
            if let found = anchorOrAlias(inLine: Array(line)) {
                return AnchorPosition(line: index + 1, column: found.column, name: found.name, isAlias: found.isAlias)
            }
            if opensBlockScalar(line) { blockIndent = indentation }
        }
        return nil
    }

    private func anchorOrAlias(inLine characters: [Character]) -> (column: Int, name: String, isAlias: Bool)? {
        var atNodeStart = true
        var quote: Character?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
                index += 1
                continue
            }
            switch character {
            case " ":
                break
            case "\"", "'":
                if atNodeStart { quote = character }
                atNodeStart = false
            case "#" where index == 0 || characters[index - 1] == " ":
                return nil
            case "-", "?", ":":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                atNodeStart = next == " " ? true : false
            case "[", "{", ",":
                atNodeStart = true
            case "&", "*":
                if atNodeStart, index + 1 < characters.count, characters[index + 1] != " " {
                    let name = String(characters[(index + 1)...].prefix(while: { !" ,[]{}".contains($0) }))
                    return (index + 1, name, character == "*")
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
    private func opensBlockScalar(_ line: Substring) -> Bool {
        var content = line
        if let comment = content.range(of: " #") { content = content[..<comment.lowerBound] }
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        guard let indicator = trimmed.lastIndex(where: { $0 == "|" || $0 == ">" }) else { return false }
        let tail = trimmed[trimmed.index(after: indicator)...]
        guard tail.allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber }) else { return false }
        let before = trimmed[..<indicator]
        return before.isEmpty || before.hasSuffix(":") || before.hasSuffix(": ") || before.hasSuffix("-") || before.hasSuffix("- ")
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

import Yams

/// A value read from a program file, with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Collects the findings of one file while its fields are read.
final class FindingCollector {
    private(set) var findings: [Finding] = []
    func add(_ finding: Finding) { findings.append(finding) }
    func add(contentsOf more: [Finding]) { findings.append(contentsOf: more) }
}

/// Reads the fields of one YAML mapping against a strict schema.
///
/// Each accessor checks presence and type, records a finding on any mismatch and returns nil (or
/// an empty list) so reading goes on: one bad field never hides the others. `reportUnknownKeys()`
/// then flags every key the schema does not allow, with a suggestion.
struct FieldReader {
    let parser: YAMLParser
    let mapping: Node.Mapping
    /// Where the mapping itself is; missing fields are reported here.
    let location: SourceLocation
    /// How the mapping is named in messages, e.g. "control" or "reports.soc2".
    let subject: String
    let allowedKeys: [String]
    let collector: FindingCollector
    /// Entries by key text, built once: looking fields up one by one in Yams' pair list copies nodes.
    private let entries: [String: (key: Node, value: Node)]

    init?(_ node: Node, parser: YAMLParser, subject: String, allowedKeys: [String], collector: FindingCollector, location: SourceLocation? = nil) {
        guard case .mapping(let mapping) = node else {
            collector.add(FieldTypeRule.finding(
                at: parser.location(of: node),
                "\(subject) must be a mapping of 'key: value' fields, found \(node.kindDescription)"))
            return nil
        }
        self.parser = parser
        self.mapping = mapping
        self.location = location ?? parser.location(of: node)
        self.subject = subject
        self.allowedKeys = allowedKeys
        self.collector = collector
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            if let text = key.scalarText, entries[text] == nil { entries[text] = (key, value) }
        }
        self.entries = entries
    }

    // MARK: Raw access

    /// The key node and value node for `key`; nil when absent.
    func entry(_ key: String) -> (key: Node, value: Node)? {
        entries[key]
    }

    /// The value for `key`, treating an explicit YAML null (`key:` with nothing after it) as absent.
    func value(_ key: String, required: Bool) -> Node? {
        guard let (keyNode, value) = entry(key) else {
            if required { missing(key, at: location) }
            return nil
        }
        if value.isNull {
            if required { missing(key, at: parser.location(of: keyNode), empty: true) }
            return nil
        }
        return value
    }

    func location(ofKey key: String) -> SourceLocation? {
        entry(key).map { parser.location(of: $0.key) }
    }

    private func missing(_ key: String, at location: SourceLocation, empty: Bool = false) {
        collector.add(FieldMissingRule.finding(
            at: location,
            empty ? "'\(key)' is empty in \(subject); give it a value" : "\(subject) is missing required field '\(key)'; add '\(key): …'"))
    }

    func typeMismatch(_ key: String, expected: String, found node: Node) {
        collector.add(FieldTypeRule.finding(
            at: parser.location(of: node),
            "'\(key)' must be \(expected), found \(node.kindDescription)"))
    }

    // MARK: Typed access

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = value(key, required: required) else { return nil }
        return scalarString(node, key: key, expected: "text")
    }

    private func scalarString(_ node: Node, key: String, expected: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            typeMismatch(key, expected: expected, found: node)
            return nil
        }
        return Located(scalar.string, at: parser.location(of: node))
    }

    /// A list of text items. A single scalar is refused with a hint, so the schema stays one shape.
    func stringList(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = value(key, required: required) else { return [] }
        guard case .sequence(let sequence) = node else {
            if case .scalar(let scalar) = node {
                collector.add(FieldTypeRule.finding(
                    at: parser.location(of: node),
                    "'\(key)' must be a list; write [\(scalar.string)]"))
            } else {
                typeMismatch(key, expected: "a list", found: node)
            }
            return []
        }
        return sequence.compactMap { item in
            if item.isNull {
                collector.add(FieldTypeRule.finding(at: parser.location(of: item), "'\(key)' has an empty item; remove it"))
                return nil
            }
            return scalarString(item, key: key, expected: "a list of text items")
        }
    }

    func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Located<Int>? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node, let number = Int(scalar.string) else {
            typeMismatch(key, expected: "a whole number", found: node)
            return nil
        }
        guard range.contains(number) else {
            collector.add(FieldValueRule.finding(
                at: parser.location(of: node),
                "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(number)"))
            return nil
        }
        return Located(number, at: parser.location(of: node))
    }

    func boolean(_ key: String) -> Located<Bool>? {
        guard let node = value(key, required: false) else { return nil }
        guard case .scalar(let scalar) = node, let flag = ["true": true, "false": false][scalar.string.lowercased()] else {
            typeMismatch(key, expected: "true or false", found: node)
            return nil
        }
        return Located(flag, at: parser.location(of: node))
    }

    func date(_ key: String, required: Bool = false) -> Located<CalendarDate>? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node, let date = CalendarDate(scalar.string) else {
            typeMismatch(key, expected: "a date written YYYY-MM-DD", found: node)
            return nil
        }
        return Located(date, at: parser.location(of: node))
    }

    func enumeration<E: RawRepresentable & CaseIterable & Sendable>(_ key: String, _ type: E.Type, required: Bool = false) -> Located<E>? where E.RawValue == String {
        guard let node = value(key, required: required), let text = scalarString(node, key: key, expected: "one of \(E.allCases.map(\.rawValue).joined(separator: ", "))") else { return nil }
        return enumerationValue(text, key: key, type)
    }

    func enumerationValue<E: RawRepresentable & CaseIterable & Sendable>(_ text: Located<String>, key: String, _ type: E.Type) -> Located<E>? where E.RawValue == String {
        if let value = E(rawValue: text.value) { return Located(value, at: text.location) }
        let allowed = E.allCases.map(\.rawValue)
        collector.add(FieldValueRule.finding(
            at: text.location,
            "'\(text.value)' is not a valid \(key); use one of \(allowed.joined(separator: ", "))" + DidYouMean.hint(for: text.value, in: allowed)))
        return nil
    }

    /// A nested mapping, read with its own schema.
    func mapping(_ key: String, allowedKeys: [String], required: Bool = false) -> FieldReader? {
        guard let node = value(key, required: required) else { return nil }
        return FieldReader(node, parser: parser, subject: "'\(key)'", allowedKeys: allowedKeys, collector: collector)
    }

    /// Each item of a list of mappings, read with its own schema.
    func mappingList(_ key: String, allowedKeys: [String], itemName: String) -> [FieldReader] {
        guard let node = value(key, required: false) else { return [] }
        guard case .sequence(let sequence) = node else {
            typeMismatch(key, expected: "a list of \(itemName)s", found: node)
            return []
        }
        return sequence.compactMap {
            FieldReader($0, parser: parser, subject: "each \(itemName) in '\(key)'", allowedKeys: allowedKeys, collector: collector)
        }
    }

    /// Flags keys outside the schema, suggesting the allowed key they most resemble.
    func reportUnknownKeys() {
        for (keyNode, _) in mapping {
            let key = keyNode.scalarText ?? ""
            guard !allowedKeys.contains(key) else { continue }
            collector.add(FieldUnknownRule.finding(
                at: parser.location(of: keyNode),
                "unknown field '\(key)' in \(subject)" + DidYouMean.hint(for: key, in: allowedKeys)
                    + (DidYouMean.suggestions(for: key, in: allowedKeys).isEmpty ? "; allowed fields: \(allowedKeys.joined(separator: ", "))" : "")))
        }
    }
}

extension Node {
    var isNull: Bool {
        // YAML's null spellings, checked directly: the parser runs without implicit typing.
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar node; nil for mappings and lists.
    var scalarText: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string
    }

    var kindDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): isNull ? "nothing" : "'\(scalar.string)'"
        }
    }
}

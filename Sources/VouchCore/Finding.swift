/// One problem found by a rule, at a precise place, with a message that says how to fix it.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The commit a change-management finding is about; nil for findings in files.
    public var commit: String?

    public init(rule: String, severity: Severity, location: SourceLocation, message: String, commit: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.commit = commit
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }
}

extension Finding: Comparable {
    /// Findings sort by place, then rule, so every output is stable.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return (lhs.commit ?? "", lhs.message) < (rhs.commit ?? "", rhs.message)
    }
}

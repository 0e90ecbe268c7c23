/// How much a finding matters. The order is meaningful: `note < warning < error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A position in a program file. Lines and columns count from 1; `file` is relative to the
/// program root and always uses `/`, so findings read the same on every machine.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

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

/// Counts of findings by severity, plus how many files (and, for a check, changes) were read.
public struct FindingSummary: Hashable, Sendable, Codable {
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var files: Int
    /// How many changes were evaluated; nil when no changes were (plain lint).
    public var changes: Int?

    public init(findings: [Finding], files: Int, changes: Int? = nil) {
        errors = findings.count { $0.severity == .error }
        warnings = findings.count { $0.severity == .warning }
        notes = findings.count { $0.severity == .note }
        self.files = files
        self.changes = changes
    }
}

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

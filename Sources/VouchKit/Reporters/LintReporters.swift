/// Output formats for findings. Each reporter is a pure function from findings to text;
/// the command line decides where the text goes.
public enum FindingFormat: String, Sendable, CaseIterable {
    case text
    case json
}

public struct TextStyle: Sendable {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }
    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .note: paint("note", "1;36")
        }
    }
    func dim(_ text: String) -> String { paint(text, "2") }
}

public enum FindingReporter {
    public static func render(_ report: LintReport, format: FindingFormat, style: TextStyle = TextStyle(color: false)) -> String {
        switch format {
        case .text: text(report, style: style)
        case .json: json(report)
        }
    }

    /// One line per finding in the compiler style editors understand, then a summary line.
    public static func text(_ report: LintReport, style: TextStyle) -> String {
        var lines = report.findings.map { finding in
            "\(style.bold("\(finding.file):\(finding.line):\(finding.column):")) \(style.severity(finding.severity)): \(finding.message) \(style.dim("[\(finding.rule)]"))"
        }
        lines.append(summaryLine(report.summary))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func summaryLine(_ summary: FindingSummary) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let files = count(summary.files, "file")
        if summary.errors == 0, summary.warnings == 0, summary.notes == 0 { return "No findings in \(files)." }
        var parts = [count(summary.errors, "error"), count(summary.warnings, "warning")]
        if summary.notes > 0 { parts.append(count(summary.notes, "note")) }
        return parts.joined(separator: ", ") + " in \(files)."
    }

    public static func findingJSON(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("file", .string(finding.file)),
            ("line", .int(finding.line)),
            ("column", .int(finding.column)),
            ("message", .string(finding.message)),
        ]
        if let commit = finding.commit { members.append(("commit", .string(commit))) }
        return .object(members)
    }

    public static func json(_ report: LintReport) -> String {
        let summary = report.summary
        return JSONValue.object([
            ("findings", .array(report.findings.map(findingJSON))),
            ("summary", .object([
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("notes", .int(summary.notes)),
                ("files", .int(summary.files)),
            ])),
        ]).serialized() + "\n"
    }
}

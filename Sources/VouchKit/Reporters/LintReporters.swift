/// Output formats for findings. Each reporter is a pure function from findings to text;
/// the command line decides where the text goes.
public enum FindingFormat: String, Sendable, CaseIterable {
    /// One line per finding, compiler style, then a summary.
    case text
    case json
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, IDEs).
    case sarif
    /// JUnit XML, for CI test reports (GitLab, Jenkins).
    case junit
    /// GitHub Actions workflow commands: annotations on the changed files.
    case github
}

/// What reporters need besides the findings: the tool, its rules, and where the program sits
/// in the repository (code hosts resolve paths from the repository root, not the program's).
public struct ReportContext: Sendable {
    public var toolName: String
    public var toolVersion: String
    /// Where people learn about this build of Vouch; SARIF consumers link to it when set.
    public var informationURI: String?
    /// The rules to describe (SARIF); nil for every registered rule, built only when needed.
    public var rules: [RuleDescription]?
    /// The program folder relative to the repository root: "" or "a/b/".
    public var programPath: String
    /// Findings of this severity or worse fail the run (warnings too with `--strict`).
    public var failureThreshold: Severity

    public init(toolVersion: String, informationURI: String? = nil, rules: [RuleDescription]? = nil, programPath: String = "", failureThreshold: Severity = .error) {
        self.toolName = "vouch"
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.programPath = ProgramLayout.folderPrefix(programPath)
        self.failureThreshold = failureThreshold
    }

    /// A finding's file as a path from the repository root.
    public func repositoryPath(of finding: Finding) -> String { programPath + finding.file }

    public func fails(_ finding: Finding) -> Bool { finding.severity >= failureThreshold }
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
    public static func render(_ report: LintReport, format: FindingFormat, context: ReportContext, style: TextStyle = TextStyle(color: false)) -> String {
        switch format {
        case .text: text(report, style: style)
        case .json: json(report)
        case .sarif: SARIFReporter.render(report, context: context)
        case .junit: JUnitReporter.render(report, context: context)
        case .github: GitHubReporter.render(report, context: context)
        }
    }

    /// One line per finding in the compiler style editors understand, then a summary line.
    public static func text(_ report: LintReport, style: TextStyle) -> String {
        var lines = report.findings.map { finding in
            "\(style.bold("\(finding.file):\(finding.line):\(finding.column):")) \(style.severity(finding.severity)): \(message(of: finding)) \(style.dim("[\(finding.rule)]"))"
        }
        lines.append(summaryLine(report.summary))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The message as people should read it: a change finding names its commit, since its
    /// location (the change-management settings) does not.
    public static func message(of finding: Finding) -> String {
        guard let commit = finding.commit, !finding.message.contains(String(commit.prefix(7))) else { return finding.message }
        return "\(finding.message) (commit \(commit.prefix(12)))"
    }

    public static func summaryLine(_ summary: FindingSummary) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var checked = count(summary.files, "file")
        if let changes = summary.changes {
            // A report on changes alone (`vouch evidence`) reads no program file.
            checked = summary.files == 0 ? count(changes, "change") : checked + " and \(count(changes, "change"))"
        }
        if summary.errors == 0, summary.warnings == 0, summary.notes == 0 { return "No findings in \(checked)." }
        var parts = [count(summary.errors, "error"), count(summary.warnings, "warning")]
        if summary.notes > 0 { parts.append(count(summary.notes, "note")) }
        return parts.joined(separator: ", ") + " in \(checked)."
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
            ] + (summary.changes.map { [("changes", JSONValue.int($0))] } ?? []))),
        ]).serialized() + "\n"
    }
}

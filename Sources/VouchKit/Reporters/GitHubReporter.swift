/// GitHub Actions workflow commands: each finding becomes an annotation on its file and line
/// (`::error file=…,line=…,col=…,title=…::message`), then the text summary line for the log.
public enum GitHubReporter {
    public static func render(_ report: LintReport, context: ReportContext) -> String {
        var lines = report.findings.map { annotation($0, context: context) }
        lines.append(FindingReporter.summaryLine(report.summary))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func annotation(_ finding: Finding, context: ReportContext) -> String {
        let command: String
        switch finding.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        let properties = [
            ("file", context.repositoryPath(of: finding)),
            ("line", String(finding.line)),
            ("col", String(finding.column)),
            ("title", finding.rule),
        ].map { "\($0)=\(escapedProperty($1))" }.joined(separator: ",")
        return "::\(command) \(properties)::\(escapedData(FindingReporter.message(of: finding)))"
    }

    /// As `@actions/core` escapes command data: `%`, CR and LF.
    public static func escapedData(_ text: String) -> String { escaped(text, property: false) }

    /// As `@actions/core` escapes command properties: the data escapes, plus `:` and `,`.
    public static func escapedProperty(_ text: String) -> String { escaped(text, property: true) }

    private static func escaped(_ text: String, property: Bool) -> String {
        TextEscaping.escaping(text) { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            case ":" where property: "%3A"
            case "," where property: "%2C"
            default: nil
            }
        }
    }
}

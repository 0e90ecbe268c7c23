/// JUnit XML, the test report format GitLab (`artifacts:reports:junit`) and Jenkins read.
///
/// Program files form one suite: a test case per file and rule with findings, and a passing one
/// per clean file, so the report counts what was checked. Changes form another: a test case per
/// evaluated commit. Findings below the failure threshold (warnings without `--strict`, notes)
/// do not fail their case; they are kept in its `system-out`.
public enum JUnitReporter {
    struct TestCase {
        var className: String
        var name: String
        var file: String
        var findings: [Finding]
    }

    public static func render(_ report: LintReport, context: ReportContext) -> String {
        var fileCases: [TestCase] = []
        let byFile = Dictionary(grouping: report.findings.filter { $0.commit == nil }, by: \.file)
        for file in Set(report.files).union(byFile.keys).sorted() {
            let path = context.programPath + file
            guard let findings = byFile[file] else {
                fileCases.append(TestCase(className: path, name: "lint", file: path, findings: []))
                continue
            }
            for rule in orderedUnique(findings.map(\.rule)) {
                fileCases.append(TestCase(className: path, name: rule, file: path, findings: findings.filter { $0.rule == rule }))
            }
        }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        // A report on changes alone (`vouch evidence`) has no program files to list.
        var suites = fileCases.isEmpty && report.changes != nil ? [] : [(name: "vouch lint", cases: fileCases)]
        let changeFindings = report.findings.filter { $0.commit != nil }
        if report.changes != nil || !changeFindings.isEmpty {
            let commits = orderedUnique((report.changes ?? []) + changeFindings.compactMap(\.commit))
            suites.append((name: "vouch changes", cases: commits.map { commit in
                let findings = changeFindings.filter { $0.commit == commit }
                return TestCase(className: "changes", name: commit, file: findings.first.map(context.repositoryPath) ?? "", findings: findings)
            }))
        }
        let allCases = suites.flatMap(\.cases)
        lines.append("<testsuites name=\"\(context.toolName)\" tests=\"\(allCases.count)\" failures=\"\(failures(allCases, context))\" errors=\"0\">")
        for suite in suites {
            lines.append("  <testsuite name=\"\(suite.name)\" tests=\"\(suite.cases.count)\" failures=\"\(failures(suite.cases, context))\" errors=\"0\" skipped=\"0\">")
            for testCase in suite.cases { lines += element(testCase, context: context) }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func failures(_ cases: [TestCase], _ context: ReportContext) -> Int {
        cases.count { $0.findings.contains(where: context.fails) }
    }

    static func element(_ testCase: TestCase, context: ReportContext) -> [String] {
        var open = "    <testcase classname=\"\(escaped(testCase.className))\" name=\"\(escaped(testCase.name))\""
        if !testCase.file.isEmpty { open += " file=\"\(escaped(testCase.file))\"" }
        guard !testCase.findings.isEmpty else { return [open + "/>"] }
        var lines = [open + ">"]
        let failing = testCase.findings.filter(context.fails)
        if let first = failing.first {
            let more = failing.count > 1 ? " (and \(failing.count - 1) more)" : ""
            lines.append("      <failure message=\"\(escaped(FindingReporter.message(of: first) + more))\" type=\"\(escaped(first.rule))\">\(escaped(describe(failing, context)))</failure>")
        }
        let passing = testCase.findings.filter { !context.fails($0) }
        if !passing.isEmpty { lines.append("      <system-out>\(escaped(describe(passing, context)))</system-out>") }
        lines.append("    </testcase>")
        return lines
    }

    static func describe(_ findings: [Finding], _ context: ReportContext) -> String {
        findings.map { "\(context.repositoryPath(of: $0)):\($0.line):\($0.column): \($0.severity.rawValue): \(FindingReporter.message(of: $0)) [\($0.rule)]" }
            .joined(separator: "\n")
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Text safe in XML 1.0 content and attributes. Characters XML cannot carry at all (most
    /// control characters) become U+FFFD; line breaks are kept as references so attribute values
    /// survive attribute normalisation.
    static func escaped(_ text: String) -> String {
        TextEscaping.escaping(text) { scalar in
            switch scalar {
            case "&", "<", ">", "\"": TextEscaping.markupEntity(scalar)
            case "'": "&apos;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            case "\t": "&#9;"
            default: scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : nil
            }
        }
    }
}

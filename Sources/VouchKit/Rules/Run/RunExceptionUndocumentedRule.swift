struct RunExceptionUndocumentedRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-exception-undocumented", severity: .error,
        summary: "A run with 'result: exceptions' gives each exception's finding and remediation",
        rationale: "An exception is acceptable evidence only with what was found and what was done about it: the auditor evaluates the remediation. List each under 'exceptions:' with 'finding:', 'remediation:' and, ideally, the 'ticket:' that tracked it.",
        passingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", result: "exceptions") + "\nexceptions:\n  - finding: Two leavers still had console access\n    remediation: Access removed on 2026-04-09\n    ticket: SEC-142"], control: "runs: {starts: 2026-03-01}")],
        failingExamples: [
            RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", result: "↓exceptions")], control: "runs: {starts: 2026-03-01}"),
            RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", result: "exceptions") + "\nexceptions:\n  - ↓finding: Two leavers still had console access"], control: "runs: {starts: 2026-03-01}"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.flatMap { record -> [Finding] in
            guard let result = record.result, result.value == .exceptions else { return [] }
            guard !record.exceptions.isEmpty else {
                return [finding(at: result.location, "run \(record.control.value) \(record.occurrence.value) found exceptions but lists none; add 'exceptions:' with each one's 'finding:' and 'remediation:'")]
            }
            return record.exceptions.compactMap { exception in
                let missing = [exception.finding == nil ? "finding" : nil, exception.remediation == nil ? "remediation" : nil].compactMap { $0 }
                guard !missing.isEmpty else { return nil }
                return finding(at: exception.location, "this exception has no \(missing.joined(separator: " and ")); say what was found and what was done about it")
            }
        }
    }
}

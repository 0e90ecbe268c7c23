struct RunDuplicateRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-duplicate", severity: .error,
        summary: "One run record for each occurrence",
        rationale: "Two records for one occurrence (a second file, or a 'covers:' span overlapping another record) leave the auditor to guess which is the evidence. Keep one; a re-run goes in the same record's body.",
        passingExamples: [RunExample.program(frequency: "daily", ["2026-03-01": "control: AC-03\noccurrence: 2026-03-01\ncovers: 2026-03-01..2026-03-31\nperformed: 2026-04-01\nperformed_by: Dana Reyes <dana@example.com>\nreviewed_by: Sam Okafor <sam@example.com>\nresult: effective"], control: "runs: {starts: 2026-11-30}")],
        failingExamples: [RunExample.program(frequency: "daily", [
            "2026-03-01": "control: AC-03\noccurrence: 2026-03-01\ncovers: 2026-03-01..2026-03-31\nperformed: 2026-04-01\nperformed_by: Dana Reyes <dana@example.com>\nreviewed_by: Sam Okafor <sam@example.com>\nresult: effective",
            "2026-03-14": "control: AC-03\noccurrence: ↓2026-03-14\nperformed: 2026-03-15\nperformed_by: Dana Reyes <dana@example.com>\nreviewed_by: Sam Okafor <sam@example.com>\nresult: effective",
        ], control: "runs: {starts: 2026-11-30}")])

    func check(_ context: LintContext) -> [Finding] {
        var claimed: [String: [String: String]] = [:]  // control -> occurrence -> file
        var findings: [Finding] = []
        for record in context.program.runs.sorted(by: { $0.file < $1.file }) {
            guard case .valid(let occurrences)? = context.runs.records.outcome(of: record) else { continue }
            let taken = occurrences.compactMap { occurrence in claimed[record.control.value]?[occurrence.name].map { (occurrence.name, $0) } }
            if let (name, file) = taken.first {
                findings.append(finding(at: record.occurrence.location, "\(record.control.value) \(name) is already recorded in \(file)\(taken.count > 1 ? " (and \(taken.count - 1) more occurrences of this record)" : ""); keep one record per occurrence"))
            }
            for occurrence in occurrences where claimed[record.control.value]?[occurrence.name] == nil {
                claimed[record.control.value, default: [:]][occurrence.name] = record.file
            }
        }
        return findings
    }
}

struct RunControlUnknownRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-control-unknown", severity: .error,
        summary: "A run record names a control that exists",
        rationale: "A record evidences one control's operation; one whose control was renamed or removed evidences nothing. Records live in runs/<control-id>/.",
        passingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}")],
        failingExamples: [RunExample.quarterly([:], control: "runs: {starts: 2026-12-01}", files: ["runs/AC-30/2026-Q1.md": "---\ncontrol: ↓AC-30\noccurrence: 2026-Q1\nperformed: 2026-04-08\nperformed_by: Dana Reyes <dana@example.com>\nreviewed_by: Sam Okafor <sam@example.com>\nresult: effective\n---\nReviewed.\n"])])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.compactMap { record in
            guard !record.control.value.isEmpty, !context.controlIDs.contains(record.control.value) else { return nil }
            return finding(at: record.control.location, "no control '\(record.control.value)'" + DidYouMean.hint(for: record.control.value, in: context.controlIDs.sorted()))
        }
    }
}

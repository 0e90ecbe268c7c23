struct CriterionPlannedOnlyRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "criterion-planned-only", severity: .warning,
        summary: "Warns about criteria covered only by planned controls",
        rationale: "A planned control does not operate yet, so it cannot be tested; the criterion is a gap until the control is implemented.",
        passingExamples: [.program(["controls/gov-01.md": CriterionUncoveredRule.coveringControl])],
        failingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, ↓availability]\n    excluded: { A1.1: \"Capacity is the cloud provider's\", A1.3: \"Tested by the provider\" }\n",
            "controls/gov-01.md": CriterionUncoveredRule.coveringControl,
            "controls/bc-01.md": "---\nid: BC-01\ntitle: Backups\nstatus: planned\nowner: Ops\ncriteria: [A1.2]\n---\nNightly backups.\n",
        ])])

    func check(_ context: LintContext) -> [Finding] {
        soc2CoverageFindings(context, status: .planned) { row in
            "\(row.id) (\(row.topic)) is covered only by planned controls (\(row.controls.map(\.id).joined(separator: ", "))); it is a gap until one of them is implemented"
        }
    }
}

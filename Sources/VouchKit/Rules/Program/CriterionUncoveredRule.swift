struct CriterionUncoveredRule: ProgramRule {
    /// A control covering every Security criterion, so examples can show a covered program.
    static let allSecurityCriteria = SOC2Catalog.catalog.entries
        .filter { $0.category == TrustServicesCategory.security.rawValue }.map(\.id).joined(separator: ", ")

    static let coveringControl = "---\nid: GOV-01\ntitle: Security program\nstatus: implemented\nowner: CISO\ncriteria: [\(allSecurityCriteria)]\n---\nThe security program.\n"

    static let description = RuleDescription(
        identifier: "criterion-uncovered", severity: .error,
        summary: "Every in-scope SOC 2 criterion has an implemented control",
        rationale: "The auditor tests controls against each applicable criterion; a criterion with no implemented control is a gap in the report itself. Either map a control to it or exclude it, with a reason, under reports.soc2.excluded.",
        passingExamples: [.program(["controls/gov-01.md": coveringControl])],
        failingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, ↓availability]\n",
            "controls/gov-01.md": coveringControl,
        ])])

    func check(_ context: LintContext) -> [Finding] {
        soc2CoverageFindings(context, status: .uncovered) { row in
            "\(row.id) (\(row.topic)) has no implemented control; add '\(row.id)' to the criteria of a control, or exclude it with a reason under reports.soc2.excluded"
        }
    }
}

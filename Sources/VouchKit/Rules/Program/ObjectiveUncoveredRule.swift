struct ObjectiveUncoveredRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "objective-uncovered", severity: .error,
        summary: "Every SOC 1 control objective has an implemented control",
        rationale: "In a SOC 1 report each objective is supported by controls that the auditor tests; an objective without one cannot be achieved.",
        passingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc1:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n",
            "objectives/co-01.md": "---\nid: CO-01\ntitle: Invoices are accurate\n---\nWhy it matters.\n",
            "controls/bill-01.md": "---\nid: BILL-01\ntitle: Invoice reconciliation\nstatus: implemented\nowner: Controller\nobjectives: [CO-01]\n---\nMonthly reconciliation.\n",
        ])],
        failingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc1:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n",
            "objectives/co-01.md": "---\nid: ↓CO-01\ntitle: Invoices are accurate\n---\nWhy it matters.\n",
        ])])

    func check(_ context: LintContext) -> [Finding] {
        guard context.configuration.soc1 != nil else { return [] }
        let byID = Dictionary(context.program.objectives.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        return CoverageMatrix.soc1(context.program).rows.compactMap { row in
            guard row.status != .covered, let objective = byID[row.id] else { return nil }
            let planned = row.status == .planned ? " (only planned controls: \(row.controls.map(\.id).joined(separator: ", ")))" : ""
            return finding(
                at: objective.id.location,
                "objective \(row.id) has no implemented control\(planned); add '\(row.id)' to the objectives of the controls that achieve it")
        }
    }
}

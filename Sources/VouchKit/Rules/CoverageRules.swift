/// Every criterion and objective the reports promise is met by an implemented control.
public enum CoverageRules {
    /// A control covering every Security criterion, so examples can show a covered program.
    static let allSecurityCriteria = SOC2Catalog.catalog.entries
        .filter { $0.category == TrustServicesCategory.security.rawValue }.map(\.id).joined(separator: ", ")

    static let coveringControl = "---\nid: GOV-01\ntitle: Security program\nstatus: implemented\nowner: CISO\ncriteria: [\(allSecurityCriteria)]\n---\nThe security program.\n"

    public static let uncovered = RuleDescription(
        identifier: "criterion-uncovered", severity: .error,
        summary: "Every in-scope SOC 2 criterion has an implemented control",
        rationale: "The auditor tests controls against each applicable criterion; a criterion with no implemented control is a gap in the report itself. Either map a control to it or exclude it, with a reason, under reports.soc2.excluded.",
        passingExamples: [.program(["controls/gov-01.md": coveringControl])],
        failingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, ↓availability]\n",
            "controls/gov-01.md": coveringControl,
        ])])

    public static let plannedOnly = RuleDescription(
        identifier: "criterion-planned-only", severity: .warning,
        summary: "Warns about criteria covered only by planned controls",
        rationale: "A planned control does not operate yet, so it cannot be tested; the criterion is a gap until the control is implemented.",
        passingExamples: [.program(["controls/gov-01.md": coveringControl])],
        failingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    categories: [security, ↓availability]\n    excluded: { A1.1: \"Capacity is the cloud provider's\", A1.3: \"Tested by the provider\" }\n",
            "controls/gov-01.md": coveringControl,
            "controls/bc-01.md": "---\nid: BC-01\ntitle: Backups\nstatus: planned\nowner: Ops\ncriteria: [A1.2]\n---\nNightly backups.\n",
        ])])

    public static let exclusionReason = RuleDescription(
        identifier: "exclusion-reason-missing", severity: .error,
        summary: "Every excluded criterion gives its reason",
        rationale: "The system description must say why a criterion does not apply (DC8); an exclusion without a reason is not acceptable to an auditor.",
        passingExamples: [.program(["vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    excluded:\n      CC6.4: \"No offices or data centres: all infrastructure is at the cloud provider\"\n"])],
        failingExamples: [.program(["vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    excluded:\n      ↓CC6.4:\n"])])

    public static let objectiveUncovered = RuleDescription(
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
}

/// One finding per SOC 2 criterion with the given status, at the category's entry in vouch.yml.
private func soc2CoverageFindings(_ context: LintContext, status: CoverageStatus, rule: RuleDescription, message: (CoverageRow) -> String) -> [Finding] {
    guard let report = context.configuration.soc2 else { return [] }
    return CoverageMatrix.soc2(context.program).rows.compactMap { row in
        guard row.status == status, let category = row.category.flatMap(TrustServicesCategory.init(rawValue:)) else { return nil }
        return rule.finding(at: report.location(of: category), message(row))
    }
}

struct UncoveredCriterionRule: ProgramRule {
    var description: RuleDescription { CoverageRules.uncovered }

    func check(_ context: LintContext) -> [Finding] {
        soc2CoverageFindings(context, status: .uncovered, rule: description) { row in
            "\(row.id) (\(row.topic)) has no implemented control; add '\(row.id)' to the criteria of a control, or exclude it with a reason under reports.soc2.excluded"
        }
    }
}

struct PlannedOnlyCriterionRule: ProgramRule {
    var description: RuleDescription { CoverageRules.plannedOnly }

    func check(_ context: LintContext) -> [Finding] {
        soc2CoverageFindings(context, status: .planned, rule: description) { row in
            "\(row.id) (\(row.topic)) is covered only by planned controls (\(row.controls.map(\.id).joined(separator: ", "))); it is a gap until one of them is implemented"
        }
    }
}

struct ExclusionReasonRule: ProgramRule {
    var description: RuleDescription { CoverageRules.exclusionReason }

    func check(_ context: LintContext) -> [Finding] {
        (context.configuration.soc2?.exclusions ?? []).compactMap { exclusion in
            guard exclusion.reason == nil else { return nil }
            return description.finding(
                at: exclusion.criterion.location,
                "\(exclusion.criterion.value) is excluded without a reason; write why it does not apply to the system, e.g. '\(exclusion.criterion.value): \"…\"'")
        }
    }
}

struct UncoveredObjectiveRule: ProgramRule {
    var description: RuleDescription { CoverageRules.objectiveUncovered }

    func check(_ context: LintContext) -> [Finding] {
        guard context.configuration.soc1 != nil else { return [] }
        let byID = Dictionary(context.program.objectives.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        return CoverageMatrix.soc1(context.program).rows.compactMap { row in
            guard row.status != .covered, let objective = byID[row.id] else { return nil }
            let planned = row.status == .planned ? " (only planned controls: \(row.controls.map(\.id).joined(separator: ", ")))" : ""
            return description.finding(
                at: objective.id.location,
                "objective \(row.id) has no implemented control\(planned); add '\(row.id)' to the objectives of the controls that achieve it")
        }
    }
}

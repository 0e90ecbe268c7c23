struct RiskUntreatedRule: RiskRule {
    static let description = RuleDescription(
        identifier: "risk-untreated", severity: .error,
        summary: "Each risk has a treatment",
        rationale: "CC3.2 asks that identified risks are analysed and responded to: every risk of the register says whether it is mitigated, accepted, transferred or avoided.",
        passingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]")],
        failingExamples: [RegisterExample.risk("id: ↓R-01\n\(RegisterExample.riskFields)")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.risks.compactMap { risk in
            guard risk.treatment == nil else { return nil }
            return finding(at: risk.id.location, "risk '\(risk.title?.value ?? risk.id.value)' has no treatment; add 'treatment: mitigate' (or accept, transfer, avoid)")
        }
    }
}

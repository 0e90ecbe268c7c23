struct RiskResidualAboveAppetiteRule: RiskRule {
    static let description = RuleDescription(
        identifier: "risk-residual-above-appetite", severity: .warning,
        summary: "No risk's residual score exceeds the risk appetite",
        rationale: "'risk_appetite' in vouch.yml is the highest residual score (likelihood × impact, 1–25) management accepts. A risk left above it needs more treatment, or the board's explicit decision. Without a residual the inherent score counts.",
        passingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]\nresidual: { likelihood: 1, impact: 4 }", configuration: RuleExample.defaultConfiguration + "\nrisk_appetite: 6\n")],
        failingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]\n↓residual: { likelihood: 2, impact: 4 }", configuration: RuleExample.defaultConfiguration + "\nrisk_appetite: 6\n")])

    func check(_ context: LintContext) -> [Finding] {
        guard let appetite = context.configuration.riskAppetite?.value else { return [] }
        return context.program.risks.compactMap { risk in
            guard let score = risk.residual ?? risk.inherent, score.value > appetite else { return nil }
            let kind = risk.residual == nil ? "inherent (no residual given)" : "residual"
            return finding(at: score.location, "risk '\(risk.id.value)' has a \(kind) score of \(score.value) (likelihood \(score.likelihood) × impact \(score.impact)), above the risk appetite of \(appetite); treat it further or record the decision to accept it")
        }
    }
}

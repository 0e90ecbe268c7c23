struct RiskControlUnknownRule: RiskRule {
    static let description = RuleDescription(
        identifier: "risk-control-unknown", severity: .error,
        summary: "Controls named by a risk exist",
        rationale: "A risk said to be mitigated by a control id no file in controls/ defines is mitigated by nothing; the id is mistyped or the control was removed.",
        passingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]")],
        failingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01, ↓AC-02]")])

    func check(_ context: LintContext) -> [Finding] {
        let candidates = context.controlIDs.sorted()
        return context.program.risks.flatMap { risk in
            risk.controls.compactMap { control in
                guard !context.controlIDs.contains(control.value) else { return nil }
                return finding(at: control.location, "risk '\(risk.id.value)' refers to control '\(control.value)', but no file in controls/ has that id" + DidYouMean.hint(for: control.value, in: candidates))
            }
        }
    }
}

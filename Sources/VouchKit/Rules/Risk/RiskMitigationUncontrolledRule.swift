struct RiskMitigationUncontrolledRule: RiskRule {
    static let description = RuleDescription(
        identifier: "risk-mitigation-uncontrolled", severity: .error,
        summary: "A mitigated risk names at least one implemented control",
        rationale: "'treatment: mitigate' is a claim that controls reduce the risk (CC5.1); the auditor traces it to controls that operate. Planned controls do not mitigate yet.",
        passingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [AC-01]")],
        failingExamples: [RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\ntreatment: ↓mitigate")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.risks.compactMap { risk in
            guard let treatment = risk.treatment, treatment.value == .mitigate,
                  !risk.controls.contains(where: { context.implementedControlIDs.contains($0.value) }) else { return nil }
            let listed = risk.controls.isEmpty ? "names no control" : "names no implemented control (\(risk.controls.map(\.value).joined(separator: ", ")))"
            return finding(at: treatment.location, "risk '\(risk.id.value)' is mitigated but \(listed); list the controls that reduce it under 'controls:'")
        }
    }
}

struct ExclusionReasonMissingRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "exclusion-reason-missing", severity: .error,
        summary: "Every excluded criterion gives its reason",
        rationale: "The system description must say why a criterion does not apply (DC8); an exclusion without a reason is not acceptable to an auditor.",
        passingExamples: [.program(["vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    excluded:\n      CC6.4: \"No offices or data centres: all infrastructure is at the cloud provider\"\n"])],
        failingExamples: [.program(["vouch.yml": "organization: Example\nsystem: Example\nreports:\n  soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n    excluded:\n      ↓CC6.4:\n"])])

    func check(_ context: LintContext) -> [Finding] {
        (context.configuration.soc2?.exclusions ?? []).compactMap { exclusion in
            guard exclusion.reason == nil else { return nil }
            return finding(
                at: exclusion.criterion.location,
                "\(exclusion.criterion.value) is excluded without a reason; write why it does not apply to the system, e.g. '\(exclusion.criterion.value): \"…\"'")
        }
    }
}

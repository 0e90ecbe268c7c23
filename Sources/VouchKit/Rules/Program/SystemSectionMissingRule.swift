struct SystemSectionMissingRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "system-section-missing", severity: .warning,
        summary: "The system description has a file for every description criterion",
        rationale: "The auditor's report includes management's system description, organised by the description criteria DC1–DC9. A missing section is shown as missing in the export; this warns before it gets there.",
        passingExamples: [.program(Dictionary(uniqueKeysWithValues: SystemSectionKind.allCases.map { kind in
            ("system/\(kind.rawValue).md", "---\nsection: \(kind.rawValue)\n---\nText.\n")
        }))],
        failingExamples: [.program([
            "vouch.yml": "organization: Example\nsystem: Example\nreports:\n  ↓soc2:\n    type: 2\n    period: { start: 2026-01-01, end: 2026-12-31 }\n",
            "system/services.md": "---\nsection: services\n---\nText.\n",
        ])])

    func check(_ context: LintContext) -> [Finding] {
        let configuration = context.configuration
        guard let location = configuration.soc2?.location ?? configuration.soc1?.location else { return [] }
        let isType2 = configuration.soc2?.type == 2 || configuration.soc1?.type == 2
        let present = Set(context.program.systemSections.map(\.kind.value))
        return SystemSectionKind.allCases.compactMap { kind in
            guard !present.contains(kind), kind != .changes || isType2 else { return nil }
            return finding(
                at: location,
                "the system description has no '\(kind.rawValue)' section (\(kind.descriptionCriterion): \(kind.title)); add system/\(kind.rawValue).md with 'section: \(kind.rawValue)'")
        }
    }
}

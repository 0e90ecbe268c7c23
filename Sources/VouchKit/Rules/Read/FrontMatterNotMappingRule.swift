struct FrontMatterNotMappingRule: ReadRule {
    static let description = RuleDescription(
        identifier: "front-matter-not-mapping", severity: .error,
        summary: "The front matter is a mapping of fields",
        rationale: "A list or a bare value has no field names, so nothing in it can be checked or used.",
        failingExamples: [
            .program(["controls/example.md": "---\n↓- id: CM-01\n- title: Changes are reviewed\n---\nText.\n"]),
            .program(["controls/example.md": "↓---\n---\nText.\n"]),
        ])
}

struct FieldUnknownRule: ReadRule {
    static let description = RuleDescription(
        identifier: "field-unknown", severity: .error,
        summary: "No fields outside the schema",
        rationale: "An unknown field is usually a typo of a known one ('critera'), whose value would otherwise be silently ignored.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n↓critera: [CC6.1]")])
}

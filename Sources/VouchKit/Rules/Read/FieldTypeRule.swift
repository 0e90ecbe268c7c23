struct FieldTypeRule: ReadRule {
    static let description = RuleDescription(
        identifier: "field-type", severity: .error,
        summary: "Fields have the expected type",
        rationale: "Lists stay lists and dates stay dates, so that every tool reading the program (and every person) can rely on one shape per field.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [
            .control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: ↓CC8.1"),
            .program(["policies/p.md": "---\nid: p\ntitle: P\nowner: O\napprovers: [\"A <a@example.com>\"]\nversion: \"1\"\neffective: ↓next week\n---\nText.\n"]),
        ])
}

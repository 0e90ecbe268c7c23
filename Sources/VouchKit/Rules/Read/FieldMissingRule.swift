struct FieldMissingRule: ReadRule {
    static let description = RuleDescription(
        identifier: "field-missing", severity: .error,
        summary: "Required fields are present and not empty",
        rationale: "Each kind of document has fields the program cannot do without: a control needs an id, a title and a status; a policy an id, title, approvers, version and effective date.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [
            .program(["controls/example.md": "↓---\nid: CM-01\ntitle: Changes are reviewed\nowner: Ops\ncriteria: [CC8.1]\n---\nText.\n"]),
            .control("id: CM-01\n↓title:\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]"),
        ])
}

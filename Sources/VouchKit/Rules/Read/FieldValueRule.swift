struct FieldValueRule: ReadRule {
    static let description = RuleDescription(
        identifier: "field-value", severity: .error,
        summary: "Fields with a closed set of values use one of them",
        rationale: "Status, frequency, kind and automation drive coverage and the control matrix; a misspelt value would silently count as nothing.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nfrequency: per-change\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: ↓implmented\nowner: Ops\ncriteria: [CC8.1]")])
}

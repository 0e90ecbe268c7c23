struct YAMLDuplicateKeyRule: ReadRule {
    static let description = RuleDescription(
        identifier: "yaml-duplicate-key", severity: .error,
        summary: "A key appears once per mapping",
        rationale: "YAML tools disagree on which of two equal keys wins; a reviewer may read the first while the tool uses the second.",
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\n↓status: planned\ncriteria: [CC8.1]")])
}

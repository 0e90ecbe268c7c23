struct YAMLTabRule: ReadRule {
    static let description = RuleDescription(
        identifier: "yaml-tab", severity: .error,
        summary: "YAML is indented with spaces, never tabs",
        rationale: "YAML forbids tabs for indentation; editors often insert them silently, and the parser's own message does not say what is wrong.",
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nevidence:\n↓\t- Pull requests")])
}

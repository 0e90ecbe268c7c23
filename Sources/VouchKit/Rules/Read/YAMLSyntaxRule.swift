struct YAMLSyntaxRule: ReadRule {
    static let description = RuleDescription(
        identifier: "yaml-syntax", severity: .error,
        summary: "Front matter and configuration are valid YAML",
        rationale: "A syntax error makes the whole file unreadable; the position points at where YAML gave up, which is usually at or just after the mistake.",
        passingExamples: [.control("id: CM-01\ntitle: \"Changes: reviewed\"\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.control("id: CM-01\ntitle: Changes↓: reviewed\nstatus: implemented\ncriteria: [CC8.1]")])
}

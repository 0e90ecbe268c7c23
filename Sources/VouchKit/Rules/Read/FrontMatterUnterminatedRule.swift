struct FrontMatterUnterminatedRule: ReadRule {
    static let description = RuleDescription(
        identifier: "front-matter-unterminated", severity: .error,
        summary: "The front matter block is closed by a line '---'",
        rationale: "Without the closing line, the narrative would be read as YAML: the fields cannot be told apart from the text.",
        failingExamples: [.program(["controls/example.md": "↓---\nid: CM-01\ntitle: Changes are reviewed\n\nEvery change is reviewed.\n"])])
}

struct FrontMatterMissingRule: ReadRule {
    static let description = RuleDescription(
        identifier: "front-matter-missing", severity: .error,
        summary: "Every program document starts with a YAML front matter block",
        rationale: "The front matter carries the fields (id, criteria, owner, status…) that coverage, the control matrix and the export are built from; without it the document is invisible to them.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [
            .program(["controls/example.md": "↓# Changes are reviewed\n\nEvery change is reviewed.\n"]),
            .program(["controls/empty.md": "↓"]),
        ])
}

struct FileEncodingRule: ReadRule {
    static let description = RuleDescription(
        identifier: "file-encoding", severity: .error,
        summary: "Program files are UTF-8 text",
        rationale: "A file that is binary or in another encoding cannot be read reliably by the linter, by reviewers in a diff, or by the export that the auditor receives.",
        passingExamples: [.control("id: CM-01\ntitle: Café access is reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC6.1]")],
        failingExamples: [.program(["controls/example.md": "---\nid: CM-01\u{0}\n---\n"])])
}

struct FileTooLargeRule: ReadRule {
    static let description = RuleDescription(
        identifier: "file-too-large", severity: .error,
        summary: "Program files stay under 1 MiB",
        rationale: "Controls and policies are pages of prose. A huge file is almost always a mistake (a log or export saved in the wrong folder) and would slow every pre-commit run.",
        passingExamples: [.control("id: CM-01\ntitle: Small\nstatus: implemented\nowner: Ops\ncriteria: [CC6.1]")],
        failingExamples: [.program(["controls/huge.md": "---\nid: CM-01\n---\n" + String(decoding: [UInt8](repeating: UInt8(ascii: "x"), count: SourceText.maximumSize), as: UTF8.self)])])
}

struct EvidenceMissingRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "evidence-missing", severity: .warning,
        summary: "Implemented controls say what evidence they leave",
        rationale: "For a Type 2 report the auditor samples evidence that the control operated; naming it up front is what makes the control testable.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nevidence:\n  - git: change-review")],
        failingExamples: [.program(["controls/a.md": "---\nid: ↓CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nText.\n"])])

    func check(_ context: LintContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard control.isImplemented, control.evidence.isEmpty else { return nil }
            return finding(at: control.id.location, "implemented control lists no evidence; add 'evidence:' with the artefacts it leaves (or '- git: change-review')")
        }
    }
}

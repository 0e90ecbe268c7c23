struct NarrativeEmptyRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "narrative-empty", severity: .warning,
        summary: "Controls, policies, objectives and system sections have a body",
        rationale: "The narrative is what the auditor reads and tests against: what is done, by whom, how often, and what evidence it leaves. Fields alone do not describe a control.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]", body: "Every change is reviewed by a second engineer.")],
        failingExamples: [.program(["controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\n↓\n\n"])])

    func check(_ context: LintContext) -> [Finding] {
        let program = context.program
        var bodies: [(String, Located<String>)] = []
        bodies += program.controls.map { ("control", $0.narrative) }
        bodies += program.policies.map { ("policy", $0.text) }
        bodies += program.objectives.map { ("objective", $0.narrative) }
        bodies += program.systemSections.map { ("system section", $0.body) }
        return bodies.compactMap { kind, body in
            guard body.value.allSatisfy(\.isWhitespace) else { return nil }
            return finding(at: body.location, "\(kind) has no text after its front matter; describe \(kind == "control" ? "what is done, by whom, how often and what evidence it leaves" : "it in Markdown")")
        }
    }
}

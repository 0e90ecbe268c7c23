struct ControlUnmappedRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "control-unmapped", severity: .warning,
        summary: "Every control maps to at least one criterion or objective",
        rationale: "A control that maps to nothing contributes nothing to coverage and has no place in the control matrix.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.program(["controls/a.md": "---\nid: ↓CM-01\ntitle: A\nstatus: implemented\nowner: Ops\n---\nText.\n"])])

    func check(_ context: LintContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard control.criteria.isEmpty, control.objectives.isEmpty, control.status?.value != .notApplicable else { return nil }
            return finding(at: control.id.location, "control maps to no criterion or objective; add 'criteria: [...]' (SOC 2) or 'objectives: [...]' (SOC 1)")
        }
    }
}

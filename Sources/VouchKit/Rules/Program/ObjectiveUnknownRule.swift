struct ObjectiveUnknownRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "objective-unknown", severity: .error,
        summary: "Controls reference SOC 1 objectives that exist",
        rationale: "An objective reference that resolves to nothing covers nothing in the SOC 1 matrix.",
        failingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nobjectives: [↓CO-09]")])

    func check(_ context: LintContext) -> [Finding] {
        danglingReferences(context.program.controls.flatMap(\.objectives), known: context.objectiveIDs, kind: "objective", folder: "objectives")
    }
}

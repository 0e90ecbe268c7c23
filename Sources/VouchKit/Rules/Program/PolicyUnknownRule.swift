struct PolicyUnknownRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "policy-unknown", severity: .error,
        summary: "Controls reference policies that exist",
        rationale: "The policy is where the control's requirement is stated and approved; a dangling reference leaves the control without its authority.",
        passingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\npolicies: [change-management]\n---\nA.\n",
            "policies/change-management.md": "---\nid: change-management\ntitle: Change Management Policy\nowner: CTO\napprovers: [cto@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n",
        ])],
        failingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\npolicies: [↓change-mgmt]")])

    func check(_ context: LintContext) -> [Finding] {
        danglingReferences(context.program.controls.flatMap(\.policies), known: context.policyIDs, kind: "policy", folder: "policies")
    }
}

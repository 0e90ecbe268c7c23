struct PolicyUnreferencedRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "policy-unreferenced", severity: .warning,
        summary: "Every policy is put into practice by at least one control",
        rationale: "A policy no control refers to has no operating evidence: auditors read that as a statement of intent only.",
        passingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\npolicies: [change-management]\n---\nA.\n",
            "policies/change-management.md": "---\nid: change-management\ntitle: Change Management Policy\nowner: CTO\napprovers: [cto@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n",
        ])],
        failingExamples: [.program([
            "policies/change-management.md": "---\nid: ↓change-management\ntitle: Change Management Policy\nowner: CTO\napprovers: [cto@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n",
        ])])

    func check(_ context: LintContext) -> [Finding] {
        let referenced = Set(context.program.controls.flatMap(\.policies).map(\.value))
        return context.program.policies.compactMap { policy in
            guard !policy.id.value.isEmpty, !referenced.contains(policy.id.value) else { return nil }
            return finding(at: policy.id.location, "no control refers to policy '\(policy.id.value)'; add it to the 'policies' list of the controls that put it into practice")
        }
    }
}

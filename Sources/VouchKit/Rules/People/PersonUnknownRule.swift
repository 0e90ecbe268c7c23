struct PersonUnknownRule: PeopleRule {
    static let description = RuleDescription(
        identifier: "person-unknown", severity: .warning,
        summary: "Owners, approvers and risk acceptors are on the roster",
        rationale: "When the program keeps a roster, everyone it names as an owner (by name, email, alias or role), policy approver or risk acceptor should be on it: someone who left, or a mistyped name, cannot own or approve anything. Identities are compared after .mailmap, and against each person's aliases.",
        passingExamples: [RegisterExample.people("Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,\n")],
        failingExamples: [RegisterExample.people("Sam Okafor,sam@example.com,,CTO,Engineering,2024-02-01,,\n", extra: ["policies/security.md": RegisterExample.policy.replacingOccurrences(of: "owner: CISO", with: "owner: ↓CISO")])])

    func check(_ context: LintContext) -> [Finding] {
        guard let people = context.program.people else { return [] }
        let roster = RosterIndex(people)
        func canonical(_ identity: Identity) -> Identity { context.registers?.canonical(identity) ?? identity }
        var findings: [Finding] = []
        func owner(_ written: Located<String>?, of what: String) {
            guard let written, !written.value.isEmpty, !roster.knows(owner: written.value) else { return }
            findings.append(finding(at: written.location, "\(what) is owned by '\(written.value)', who is not on the roster (by name, email, alias or role); add them to \(ProgramLayout.peopleFile) or correct the owner"))
        }
        func identity(_ written: Located<Identity>, role: String, of what: String) {
            guard roster.person(canonical(written.value)) == nil, roster.person(written.value) == nil else { return }
            findings.append(finding(at: written.location, "\(role) \(written.value) of \(what) is not on the roster; add them to \(ProgramLayout.peopleFile) (or their address to someone's 'aliases')"))
        }
        let program = context.program
        for control in program.controls { owner(control.owner, of: "control \(control.id.value)") }
        for policy in program.policies {
            owner(policy.owner, of: "policy \(policy.id.value)")
            for approver in policy.approvers { identity(approver, role: "approver", of: "policy \(policy.id.value)") }
        }
        for risk in program.risks {
            owner(risk.owner, of: "risk \(risk.id.value)")
            if let acceptedBy = risk.acceptedBy { identity(acceptedBy, role: "acceptor", of: "risk \(risk.id.value)") }
        }
        for vendor in program.vendors { owner(vendor.owner, of: "vendor \(vendor.id.value)") }
        return findings
    }
}

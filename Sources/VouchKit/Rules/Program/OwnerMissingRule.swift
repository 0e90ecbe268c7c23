struct OwnerMissingRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "owner-missing", severity: .error,
        summary: "Every control and policy has an owner",
        rationale: "An owner is accountable for operating the control or keeping the policy current (CC1.5); without one, nobody answers the auditor's questions.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Head of Engineering\ncriteria: [CC8.1]")],
        failingExamples: [
            .program(["controls/a.md": "↓---\nid: CM-01\ntitle: A\nstatus: implemented\ncriteria: [CC8.1]\n---\nText.\n"]),
            .control("id: CM-01\ntitle: A\nstatus: implemented\n↓owner:\ncriteria: [CC8.1]"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        let owners = context.program.controls.map { ("control", $0.file, $0.owner) } + context.program.policies.map { ("policy", $0.file, $0.owner) }
        return owners.compactMap { kind, file, owner in
            if let owner, !owner.value.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            return finding(
                at: owner?.location ?? SourceLocation(file: file),
                "\(kind) has no owner; add 'owner:' with the role accountable for it (e.g. 'owner: Head of Engineering')")
        }
    }
}

struct RegisterMissingRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "register-missing", severity: .note,
        summary: "Criteria that rest on a register have one",
        rationale: "Each register is optional, but an auditor testing the criteria a register serves asks for it: the risk register for CC3.1–CC3.4 and CC9.1, the vendor register for CC9.2, the roster for the acknowledgements of CC1.4 and CC2.2. Keeping them in risks/, vendors/ and people/people.csv lets Vouch check and export them.",
        passingExamples: [RegisterExample.files([
            "risks/r.md": "---\nid: R-01\n\(RegisterExample.riskFields)\ntreatment: mitigate\ncontrols: [RA-01]\n---\nScenario.\n",
            "controls/ra-01.md": "---\nid: RA-01\ntitle: Risk assessment\nstatus: implemented\nowner: CISO\ncriteria: [CC3.1]\nevidence: [Register]\n---\nText.\n"])],
        failingExamples: [.program(["controls/ra-01.md": "---\nid: RA-01\ntitle: Risk assessment\nstatus: implemented\nowner: CISO\ncriteria: [↓CC3.1]\nevidence: [Register]\n---\nText.\n"])])

    static let registers: [(name: String, folder: String, criteria: Set<String>)] = [
        ("risk register", "risks/", ["CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC9.1"]),
        ("vendor register", "vendors/", ["CC9.2"]),
        ("roster", ProgramLayout.peopleFile, ["CC1.4", "CC2.2"]),
    ]

    func check(_ context: LintContext) -> [Finding] {
        let program = context.program
        let present = ["risks/": !program.risks.isEmpty, "vendors/": !program.vendors.isEmpty, ProgramLayout.peopleFile: program.people != nil]
        return Self.registers.compactMap { register in
            guard present[register.folder] == false else { return nil }
            let references = program.controls.flatMap(\.criteria).filter { $0.value.framework == CriterionReference.soc2Key && register.criteria.contains($0.value.id) }
            guard let first = references.min(by: { $0.location < $1.location }) else { return nil }
            let criteria = Set(references.map(\.value.id)).sorted().joined(separator: ", ")
            return finding(at: first.location, "controls cover \(criteria), which an auditor tests against the \(register.name), but the program has none; keep it in \(register.folder)")
        }
    }
}

struct RiskAcceptanceUnapprovedRule: RiskRule {
    static let description = RuleDescription(
        identifier: "risk-acceptance-unapproved", severity: .warning, scope: .registers,
        summary: "An accepted risk names who accepted it, and that person approved its latest change",
        rationale: "Accepting a risk is management's decision (CC3.2), so 'accepted_by' names the person. Inside a git repository the latest change to the risk file must carry that person's approval, read with the evidence policies use: an approval trailer, a 'vouch approve' note or a merge's recorded approvers, never the change's own author.",
        passingExamples: [RegisterHistoryExample.acceptedRisk(approved: nil), RegisterHistoryExample.acceptedRisk(approved: true)],
        failingExamples: [RegisterHistoryExample.acceptedRisk("", approved: nil), RegisterHistoryExample.acceptedRisk(approved: false)])

    func check(_ context: LintContext) -> [Finding] {
        context.program.risks.compactMap { risk in
            guard let treatment = risk.treatment, treatment.value == .accept else { return nil }
            guard let person = risk.acceptedBy else {
                return finding(at: treatment.location, "risk '\(risk.id.value)' is accepted but names no one who accepted it; add 'accepted_by: Name <email>'")
            }
            guard let record = context.registers?.riskApprovals[risk.id.value], !record.lastChange.isApproved else { return nil }
            return finding(at: person.location, "the latest change to \(record.path) (\(record.lastChange.shortID) on \(record.lastChange.date)) has no approval by \(person.value), who accepted the risk; ask them to run 'vouch approve \(record.lastChange.shortID)', then push refs/notes/vouch")
        }
    }
}

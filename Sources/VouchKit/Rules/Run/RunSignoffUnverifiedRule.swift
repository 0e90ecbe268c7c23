struct RunSignoffUnverifiedRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-signoff-unverified", severity: .warning, scope: .registers,
        summary: "The change that last changed a run record was approved by its reviewer",
        rationale: "'reviewed_by' is only words in a file until git shows the reviewer approved the record: inside a repository, the latest change to the record must carry the reviewer's approval, read with the evidence 'vouch evidence' reads (an approval trailer, a 'vouch approve' note, a merge's recorded approvers), never the change's own author.",
        passingExamples: [RunHistoryExample.signedOff(approved: true), RunHistoryExample.signedOff(approved: nil)],
        failingExamples: [RunHistoryExample.signedOff(approved: false)])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.compactMap { record -> Finding? in
            guard let reviewer = record.reviewedBy, let signoff = context.registers?.runSignoffs[record.file], !signoff.lastChange.isApproved else { return nil }
            return finding(at: reviewer.location, "the latest change to \(signoff.path) (\(signoff.lastChange.shortID) on \(signoff.lastChange.date)) has no approval by \(reviewer.value), the run's reviewer; ask them to run 'vouch approve \(signoff.lastChange.shortID)', then push refs/notes/vouch")
        }
    }
}

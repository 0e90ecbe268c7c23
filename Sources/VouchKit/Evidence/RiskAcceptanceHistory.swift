/// Whether the latest change to each accepted risk was approved by the person who accepted it,
/// read from git history with the approval evidence policies use.
public enum RiskAcceptanceHistory {
    /// The approval record of every accepted risk (with `accepted_by`) whose file is in the
    /// branch's history, keyed by risk id; nil when there is no history to read.
    public static func read(program: Program, repository: Repository, programPrefix: String, tip pinned: ObjectID? = nil) throws -> [String: PolicyApprovalRecord]? {
        let subjects = program.risks.compactMap { risk -> ApprovalSubject? in
            guard risk.treatment?.value == .accept, let person = risk.acceptedBy?.value, !risk.id.value.isEmpty else { return nil }
            return ApprovalSubject(id: risk.id.value, path: programPrefix + risk.file, approvers: [person])
        }
        guard !subjects.isEmpty else { return [:] }
        return try ApprovalHistory.read(subjects, configuration: program.configuration, repository: repository, tip: pinned)
    }
}

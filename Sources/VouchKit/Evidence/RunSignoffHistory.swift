/// Whether the change that last changed each run record was approved by the record's reviewer,
/// read from git history with the approval evidence policies use.
public enum RunSignoffHistory {
    /// The approval record of every run record naming `reviewed_by` whose file is in the branch's
    /// history, keyed by the record's path in the program; nil when there is no history to read.
    public static func read(program: Program, repository: Repository, programPrefix: String, tip pinned: ObjectID? = nil) throws -> [String: PolicyApprovalRecord]? {
        let subjects = program.runs.compactMap { record -> ApprovalSubject? in
            guard let reviewer = record.reviewedBy?.value else { return nil }
            return ApprovalSubject(id: record.file, path: programPrefix + record.file, approvers: [reviewer])
        }
        guard !subjects.isEmpty else { return [:] }
        return try ApprovalHistory.read(subjects, configuration: program.configuration, repository: repository, tip: pinned)
    }
}

/// Reads who approved the changes to each policy file, from the first-parent history of the
/// change-management branch.
public enum PolicyHistory {
    /// The approval record of every policy whose file is in the branch's history, keyed by policy
    /// id. Nil when there is nothing to read: no commits yet, or no branch to read.
    ///
    /// - Parameters:
    ///   - programPrefix: the program's folder in the repository ("" or "a/b/").
    ///   - tip: the commit to read back from instead of the branch's tip (an export pinned to a commit).
    public static func read(program: Program, repository: Repository, programPrefix: String, tip pinned: ObjectID? = nil) throws -> [String: PolicyApprovalRecord]? {
        let subjects = program.policies.filter { !$0.id.value.isEmpty }.map {
            ApprovalSubject(id: $0.id.value, path: programPrefix + $0.file, approvers: $0.approvers.map(\.value))
        }
        return try ApprovalHistory.read(subjects, configuration: program.configuration, repository: repository, tip: pinned)
    }
}

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
        do {
            try repository.refuseShallowClone()
            guard let tip = try pinned ?? BranchTip.commit(named: program.configuration.changeManagement.branch, in: repository) else { return nil }
            return try walk(program: program, repository: repository, programPrefix: programPrefix, tip: tip)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }

    private struct Pending {
        var policy: Policy
        var path: String
        var approvers: [Identity]
        var lastChange: PolicyChange?
        var lastApproved: PolicyChange?
    }

    private static func walk(program: Program, repository: Repository, programPrefix: String, tip: ObjectID) throws -> [String: PolicyApprovalRecord] {
        let mailmap = try repository.mailmapBlob(at: tip).map { try Mailmap(contents: repository.blob($0)) }
        let analyzer = ChangeAnalyzer(
            context: ChangeRuleContext(branch: "", settings: program.configuration.changeManagement, now: Timestamp(seconds: 0)),
            sensitivePaths: PathPatternSet([String]()), bots: BotAccounts([]), mailmap: mailmap)
        var pending: [String: Pending] = [:]
        for policy in program.policies where !policy.id.value.isEmpty {
            let path = programPrefix + policy.file
            pending[path] = Pending(policy: policy, path: path, approvers: policy.approvers.map { mailmap?.resolve($0.value) ?? $0.value })
        }
        guard !pending.isEmpty else { return [:] }
        let paths = Set(pending.keys)
        let filter = TreePathFilter(descends: { directory in paths.contains { $0.hasPrefix(directory) } }, includes: { paths.contains($0) })
        let reader = try HistoryReader(repository: repository)
        let trees = TreeComparer(repository: repository)
        var open = paths
        var commit = try repository.commit(tip)
        while !open.isEmpty {
            let parent = try commit.parentIDs.first.map(repository.commit)
            let changed = try trees.changedPaths(from: parent?.treeID, to: commit.treeID, filter: filter).filter(open.contains)
            if !changed.isEmpty {
                let record = analyzer.record(try reader.facts(of: commit, paths: changed))
                for path in changed {
                    let approvers = pending[path]!.approvers
                    let change = PolicyChange(
                        commit: record.commit.description, landedAt: record.landedAt, authors: record.changeAuthors,
                        approvedBy: record.independentApprovers.filter { person in approvers.contains { $0.isSamePerson(as: person) } })
                    if pending[path]!.lastChange == nil { pending[path]!.lastChange = change }
                    if change.isApproved {
                        pending[path]!.lastApproved = change
                        open.remove(path)
                    }
                }
            }
            guard let parent else { break }
            commit = parent
        }
        var records: [String: PolicyApprovalRecord] = [:]
        for entry in pending.values {
            guard let lastChange = entry.lastChange else { continue }
            records[entry.policy.id.value] = PolicyApprovalRecord(policyID: entry.policy.id.value, path: entry.path, lastChange: lastChange, lastApprovedChange: entry.lastApproved)
        }
        return records
    }
}

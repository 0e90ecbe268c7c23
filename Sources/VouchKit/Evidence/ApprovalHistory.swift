/// Who approved the changes to program files (policies, accepted risks), read from the
/// first-parent history of the change-management branch: approval trailers, `vouch approve`
/// notes, or a merge's recorded approvers, never a change's own author.
enum ApprovalHistory {
    /// The approval record of each subject whose file is in the branch's history, keyed by the
    /// subject's id. Nil when there is nothing to read: no commits yet, or no branch to read.
    static func read(_ subjects: [ApprovalSubject], configuration: Configuration, repository: Repository, tip pinned: ObjectID?) throws -> [String: PolicyApprovalRecord]? {
        do {
            try repository.refuseShallowClone()
            guard let tip = try pinned ?? BranchTip.commit(named: configuration.changeManagement.branch, in: repository) else { return nil }
            return try walk(subjects, configuration: configuration, repository: repository, tip: tip)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }

    private struct Pending {
        var subject: ApprovalSubject
        var approvers: [Identity]
        var lastChange: PolicyChange?
        var lastApproved: PolicyChange?
    }

    /// Walks back from `tip` until each subject's file has its latest change and its latest change
    /// approved by one of the subject's approvers, or history ends.
    private static func walk(_ subjects: [ApprovalSubject], configuration: Configuration, repository: Repository, tip: ObjectID) throws -> [String: PolicyApprovalRecord] {
        let mailmap = try repository.mailmapBlob(at: tip).map { try Mailmap(contents: repository.blob($0)) }
        var analyzer = ChangeAnalyzer(
            context: ChangeRuleContext(branch: "", settings: configuration.changeManagement, now: Timestamp(seconds: 0)),
            sensitivePaths: PathPatternSet([String]()), bots: BotAccounts([]), mailmap: mailmap)
        // Policy approvals are judged as change approvals are: signed ones against the same keys.
        analyzer.signatures = try SignatureKeys.read(configuration.changeManagement, at: tip, in: repository).verifier
        var pending: [String: Pending] = [:]
        for subject in subjects {
            pending[subject.path] = Pending(subject: subject, approvers: subject.approvers.map { mailmap?.resolve($0) ?? $0 })
        }
        guard !pending.isEmpty else { return [:] }
        let paths = Set(pending.keys)
        // Every folder above a subject's file, as the comparison names folders ("runs/AC-03/"): one
        // set lookup per folder, where asking each path would cost subjects × folders (20,000 run
        // records make that hundreds of millions of comparisons).
        var folders: Set<String> = []
        for path in paths {
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                end = path.index(after: slash)
                folders.insert(String(path[..<end]))
            }
        }
        let filter = TreePathFilter(descends: { folders.contains($0) }, includes: { paths.contains($0) })
        let reader = try HistoryReader(repository: repository)
        let trees = TreeComparer(repository: repository)
        var open = paths
        var commit = try repository.commit(tip)
        while !open.isEmpty {
            let parent = try commit.parentIDs.first.map(repository.commit)
            let changed = try trees.changedPaths(from: parent?.treeID, to: commit.treeID, filter: filter).filter(open.contains)
            if !changed.isEmpty {
                let record = analyzer.record(try reader.facts(of: commit, paths: changed))
                // One commit can change thousands of subjects' files (a year of run records).
                let (id, authors, independent) = (record.commit.description, record.changeAuthors, record.independentApprovers)
                for path in changed {
                    let approvers = pending[path]!.approvers
                    let change = PolicyChange(
                        commit: id, landedAt: record.landedAt, authors: authors,
                        approvedBy: independent.filter { person in approvers.contains { $0.isSamePerson(as: person) } })
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
            records[entry.subject.id] = PolicyApprovalRecord(policyID: entry.subject.id, path: entry.subject.path, lastChange: lastChange, lastApprovedChange: entry.lastApproved)
        }
        return records
    }
}

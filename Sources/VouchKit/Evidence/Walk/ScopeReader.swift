/// The second stage of a walk: of the commits the first one read, those that touch the scope,
/// with their evidence (changed paths, notes, merged tips). Owns its repository handle, the
/// history reader's caches, the tree comparer's kept trees and the path filter's answers.
struct ScopeReader {
    let reader: HistoryReader
    let trees: TreeComparer
    let filter: TreePathFilter
    let scope: PathPatternSet

    init(repository: Repository, noteReferences: [(reference: String, tip: ObjectID?)], scope: PathPatternSet, filterPatterns: PathPatternSet?) {
        reader = HistoryReader(repository: repository, noteReferences: noteReferences)
        trees = TreeComparer(repository: repository)
        filter = filterPatterns?.treeFilter ?? .everything
        self.scope = scope
    }

    /// The changes among `batch`, in its order.
    func changes(in batch: [WalkedCommit], batchSize: Int) throws -> [CommitEvidence] {
        var found: [CommitEvidence] = []
        found.reserveCapacity(batchSize)
        for walked in batch {
            if let change = try evidence(walked) { found.append(change) }
        }
        return found
    }

    /// The evidence of the commit when it is in scope, nil when it touches no path in scope.
    private func evidence(_ walked: WalkedCommit) throws -> CommitEvidence? {
        let commit = walked.commit
        let paths: [String]
        do {
            paths = try trees.changedPaths(from: walked.parentTree, to: commit.treeID, filter: filter)
        } catch let error as GitError where error.isNotFound {
            throw EvidenceError.incompleteHistory(at: "commit \(commit.id)", missing: "a tree", detail: error.message)
        }
        guard scope.matchesEverything || !paths.isEmpty else { return nil }
        return try reader.evidence(of: commit, mergedTips: walked.mergedTips ?? reader.mergedTips(of: commit), paths: paths)
    }
}

/// The one place that turns a branch name (as a person or vouch.yml writes it), a revision or
/// HEAD into the commit a command reads from.
public enum BranchTip {
    /// The commit `name` points at when it names a branch (local, remote-tracking, or the one
    /// remote-tracking branch of that name), or with `orRevision` any revision (`v1.0`, an id);
    /// else the commit HEAD is at. Nil when HEAD has no commit yet.
    public static func commit(named name: String?, in repository: Repository, orRevision: Bool = false) throws -> ObjectID? {
        if let name {
            if let (_, tip) = try repository.resolveBranch(name) { return tip }
            if orRevision { return try repository.resolveCommit(name) }
        }
        switch try repository.head {
        case .branch(_, let commit), .detached(let commit): return commit
        case .unborn: return nil
        }
    }

    /// The branch whose changes form a population: `name`, else the branch HEAD is on (a
    /// detached HEAD names none), with its full reference and tip. The tip is nil in an empty
    /// repository or on a branch without a commit yet: the population is empty, and complete.
    public static func populationBranch(named name: String?, in repository: Repository) throws -> (branch: String, reference: String, tip: ObjectID?) {
        let head = try repository.head
        let branch: String
        if let name {
            branch = name
        } else {
            switch head {
            case .branch(let current, _): branch = current
            case .unborn(let unborn): branch = unborn
            case .detached(let commit): throw EvidenceError.detachedHead(commit: commit.abbreviated())
            }
        }
        if let (reference, tip) = try repository.resolveBranch(branch) { return (branch, reference, tip) }
        let branches = try repository.referenceNames(matching: "refs/heads/*").map { String($0.dropFirst("refs/heads/".count)) }
        if case .unborn(let unborn) = head, unborn == branch || branches.isEmpty { return (branch, "refs/heads/\(branch)", nil) }
        throw EvidenceError.unknownBranch(branch, known: branches)
    }
}

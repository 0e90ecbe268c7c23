internal import CLibGit2

/// Walks history from a starting commit.
public final class RevisionWalk {
    let handle: OpaquePointer
    let repository: Repository

    /// A walk from `start`, newest first (oldest first with `reverse`); with `firstParentOnly`,
    /// along first parents only.
    public init(repository: Repository, from start: ObjectID, hiding hidden: [ObjectID] = [], firstParentOnly: Bool, reverse: Bool = false) throws {
        var pointer: OpaquePointer?
        try GitError.check(git_revwalk_new(&pointer, repository.handle), "starting a history walk")
        handle = pointer!
        self.repository = repository
        git_revwalk_sorting(handle, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | (reverse ? GIT_SORT_REVERSE.rawValue : 0))
        if firstParentOnly { try GitError.check(git_revwalk_simplify_first_parent(handle), "walking first parents") }
        var oid = start.raw
        try GitError.check(git_revwalk_push(handle, &oid), "walking history from \(start)")
        for id in hidden {
            var hide = id.raw
            try GitError.check(git_revwalk_hide(handle, &hide), "excluding \(id) from the walk")
        }
    }

    deinit { git_revwalk_free(handle) }

    /// The next commit id, nil at the end; a missing object is an error, never a silent end.
    public func next() throws -> ObjectID? {
        var oid = git_oid()
        let code = git_revwalk_next(&oid, handle)
        if code == GIT_ITEROVER.rawValue { return nil }
        try GitError.check(code, "walking history")
        return ObjectID(oid)
    }
}

internal import CLibGit2

extension Repository {
    public var head: HeadState {
        get throws {
            if git_repository_head_unborn(handle) == 1 {
                var reference: OpaquePointer?
                try GitError.check(git_reference_lookup(&reference, handle, "HEAD"), "reading HEAD")
                defer { git_reference_free(reference) }
                let target = git_reference_symbolic_target(reference).map { String(cString: $0) } ?? "HEAD"
                return .unborn(branch: target.hasPrefix("refs/heads/") ? String(target.dropFirst(11)) : target)
            }
            var reference: OpaquePointer?
            try GitError.check(git_repository_head(&reference, handle), "reading HEAD")
            defer { git_reference_free(reference) }
            let commit = ObjectID(git_reference_target(reference))
            if git_repository_head_detached(handle) == 1 { return .detached(commit: commit) }
            return .branch(name: String(cString: git_reference_shorthand(reference)), commit: commit)
        }
    }

    /// The commit a local branch points at, or nil if there is no such branch.
    public func branchTip(_ name: String) throws -> ObjectID? {
        var reference: OpaquePointer?
        let code = git_branch_lookup(&reference, handle, name, GIT_BRANCH_LOCAL)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "looking up branch '\(name)'")
        defer { git_reference_free(reference) }
        var resolved: OpaquePointer?
        try GitError.check(git_reference_resolve(&resolved, reference), "resolving branch '\(name)'")
        defer { git_reference_free(resolved) }
        return ObjectID(git_reference_target(resolved))
    }

    /// A branch by name, as a person would write it: a local branch (`main`), a remote-tracking
    /// branch (`origin/main`), or the one remote-tracking branch of that name when there is no
    /// local one (CI checkouts often have only `origin/main`). Nil when nothing matches.
    public func resolveBranch(_ name: String) throws -> (reference: String, tip: ObjectID)? {
        for reference in ["refs/heads/\(name)", "refs/remotes/\(name)"] {
            if let tip = try referenceTarget(reference) { return (reference, try resolveCommit(tip.description)) }
        }
        let remote = try referenceNames(matching: "refs/remotes/*").filter { $0.hasSuffix("/" + name) && $0.split(separator: "/").count == 4 }
        guard remote.count == 1, let tip = try referenceTarget(remote[0]) else { return nil }
        return (remote[0], try resolveCommit(tip.description))
    }

    /// Names of the references matching a glob such as `refs/remotes/*`, sorted.
    public func referenceNames(matching glob: String) throws -> [String] {
        var iterator: OpaquePointer?
        try GitError.check(git_reference_iterator_glob_new(&iterator, handle, glob), "listing references \(glob)")
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        var name: UnsafePointer<CChar>?
        while true {
            let code = git_reference_next_name(&name, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try GitError.check(code, "listing references \(glob)")
            names.append(String(cString: name!))
        }
        return names.sorted()
    }

    /// The commit a full reference name (e.g. `refs/notes/vouch`) points at, or nil.
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "reading reference \(name)")
        return ObjectID(oid)
    }
}

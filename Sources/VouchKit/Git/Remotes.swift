import CLibGit2

extension Repository {
    /// The fetch URL of a configured remote, or nil when there is no such remote.
    public func remoteURL(_ name: String) throws -> String? {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, handle, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try GitError.check(code, "looking up remote '\(name)'")
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }
}

import CLibGit2
import Foundation

extension Repository {
    /// The folder shared by all worktrees of the repository (for a linked worktree, the main
    /// repository's `.git`; otherwise the same as `gitDirectory`).
    public var commonDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_commondir(handle)), isDirectory: true).standardizedFileURL
    }

    /// Whether this is a linked worktree (`git worktree add`) rather than the main one.
    public var isLinkedWorktree: Bool { git_repository_is_worktree(handle) == 1 }

    /// Whether the repository is a shallow clone: history stops at grafted commits, so any
    /// population read from it could be incomplete. libgit2 1.5 looks for `shallow` in a
    /// linked worktree's own folder, but git keeps it in the common folder, so look there.
    public var isShallow: Bool {
        var status = stat()
        let path = commonDirectory.appendingPathComponent("shallow").path
        return stat(path, &status) == 0 && status.st_size > 0
    }

    /// A configuration value as a path (`~/` expanded), read from every level git reads
    /// (system, global, repository, worktree); nil when unset.
    public func configPath(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, handle), "reading the git configuration")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_config_get_path(&buffer, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "reading \(key) from the git configuration")
        return String(cString: buffer.ptr)
    }

    /// Where git looks for hooks: `core.hooksPath` when set (a relative value is relative to the
    /// work tree root, where git runs hooks; to the git folder in a bare repository), else
    /// `hooks` in the common folder, which every linked worktree shares.
    public var hooksDirectory: URL {
        get throws {
            guard let configured = try configPath("core.hooksPath"), !configured.isEmpty else {
                return commonDirectory.appendingPathComponent("hooks", isDirectory: true)
            }
            if configured.hasPrefix("/") { return URL(fileURLWithPath: configured, isDirectory: true).standardizedFileURL }
            let base = workingDirectory ?? gitDirectory
            return base.appendingPathComponent(configured, isDirectory: true).standardizedFileURL
        }
    }
}

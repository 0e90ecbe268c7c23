internal import CLibGit2
import VouchCore

extension Repository {
    /// A configuration value as git reads it (repository, then global and system files), or nil.
    public func configString(_ key: String) throws -> String? {
        try configValue(key) { config, buffer in git_config_get_string_buf(buffer, config, key) }
    }

    /// A configuration value as a path, `~/` expanded as git does (e.g. `core.hooksPath`), or nil.
    public func configPath(_ key: String) throws -> String? {
        try configValue(key) { config, buffer in git_config_get_path(buffer, config, key) }
    }

    private func configValue(_ key: String, _ read: (OpaquePointer?, UnsafeMutablePointer<git_buf>) -> Int32) throws -> String? {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, handle), "reading the git configuration")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = read(config, &buffer)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "reading \(key) from the git configuration")
        return String(cString: buffer.ptr)
    }

    /// `user.name` and `user.email` from the git configuration, as git would sign a commit;
    /// nil when either is missing.
    public func configuredIdentity() throws -> Identity? {
        guard let name = try configString("user.name"), let email = try configString("user.email"),
              !name.trimmingCharacters(in: .whitespaces).isEmpty, !email.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        return Identity(name: name, email: email)
    }
}

import CLibGit2

extension Repository {
    /// A configuration value as git reads it (repository, then global and system files), or nil.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, handle), "reading the git configuration")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "reading \(key) from the git configuration")
        return value.map { String(cString: $0) }
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

import Foundation

extension Repository {
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

internal import CLibGit2
import Foundation

/// The index git would commit from, read once. Owns its libgit2 handle.
///
/// Lookups by path and by folder use the index's sort order, so a pre-commit hook in a large
/// repository only turns the program's own entries into Swift values.
public final class StagedIndex {
    let handle: OpaquePointer
    public let repository: Repository

    init(handle: OpaquePointer, repository: Repository) {
        self.handle = handle
        self.repository = repository
    }

    deinit { git_index_free(handle) }

    /// Every staged file.
    public var entries: [IndexEntry] {
        (0..<git_index_entrycount(handle)).compactMap { Self.entry(git_index_get_byindex(handle, $0)) }
    }

    /// The staged file at a repository path, or nil when that path is not staged.
    public func entry(atPath path: String) -> IndexEntry? {
        Self.entry(git_index_get_bypath(handle, path, 0))
    }

    /// The staged files whose path starts with `prefix` (e.g. `controls/`), in path order.
    public func entries(withPrefix prefix: String) -> [IndexEntry] {
        guard !prefix.isEmpty else { return entries }
        var position = 0
        guard git_index_find_prefix(&position, handle, prefix) == 0 else { return [] }
        let length = prefix.utf8.count
        var found: [IndexEntry] = []
        let count = git_index_entrycount(handle)
        while position < count, let raw = git_index_get_byindex(handle, position), strncmp(raw.pointee.path, prefix, length) == 0 {
            if let entry = Self.entry(raw) { found.append(entry) }
            position += 1
        }
        return found
    }

    private static func entry(_ raw: UnsafePointer<git_index_entry>?) -> IndexEntry? {
        guard let raw else { return nil }
        // Stage 0 only: during a merge conflict the other stages are not what would be committed.
        let stage = (Int32(raw.pointee.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
        guard stage == 0 else { return nil }
        return IndexEntry(path: String(cString: raw.pointee.path), id: ObjectID(raw.pointee.id), mode: raw.pointee.mode, size: Int(raw.pointee.file_size))
    }
}

extension Repository {
    /// The index git would commit from: `GIT_INDEX_FILE` when set (as during `git commit -a`
    /// or `git commit PATHS`), else the repository's own index (a linked worktree's own one).
    public func stagedIndex(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StagedIndex {
        var index: OpaquePointer?
        if let path = environment["GIT_INDEX_FILE"], !path.isEmpty {
            // git runs hooks at the work tree root, so a relative path is relative to it.
            let absolute = path.hasPrefix("/") ? path : (workingDirectory?.appendingPathComponent(path).path ?? path)
            try GitError.check(git_index_open(&index, absolute), "opening the index \(absolute)")
        } else {
            // Loaded when first asked for; without force, read again only if it changed on disk since
            // (in a large repository every read of the index costs tens of milliseconds).
            try GitError.check(git_repository_index(&index, handle), "opening the index")
            try GitError.check(git_index_read(index, 0), "reading the index")
        }
        return StagedIndex(handle: index!, repository: self)
    }

    /// The entries of the index git would commit from (see `stagedIndex(environment:)`).
    public func stagedEntries(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [IndexEntry] {
        try stagedIndex(environment: environment).entries
    }
}

import CLibGit2
import Foundation

/// One staged file.
public struct IndexEntry: Sendable, Hashable {
    public var path: String
    public var id: ObjectID
    public var mode: UInt32
    public var size: Int
}

extension Repository {
    /// The entries of the index git would commit from: `GIT_INDEX_FILE` when set (as during
    /// `git commit -a` or `git commit PATHS`), else the repository's own index.
    public func stagedEntries(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [IndexEntry] {
        var index: OpaquePointer?
        if let path = environment["GIT_INDEX_FILE"], !path.isEmpty {
            let absolute = path.hasPrefix("/") ? path : (workingDirectory?.appendingPathComponent(path).path ?? path)
            try GitError.check(git_index_open(&index, absolute), "opening the index \(absolute)")
        } else {
            try GitError.check(git_repository_index(&index, handle), "opening the index")
            try GitError.check(git_index_read(index, 1), "reading the index")
        }
        defer { git_index_free(index) }
        return (0..<git_index_entrycount(index)).compactMap { position in
            guard let entry = git_index_get_byindex(index, position) else { return nil }
            // Stage 0 only: during a merge conflict the other stages are not what would be committed.
            let stage = (Int32(entry.pointee.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            guard stage == 0 else { return nil }
            return IndexEntry(
                path: String(cString: entry.pointee.path),
                id: ObjectID(entry.pointee.id),
                mode: entry.pointee.mode,
                size: Int(entry.pointee.file_size))
        }
    }
}

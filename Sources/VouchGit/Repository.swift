internal import CLibGit2
import Foundation

/// An open git repository. Owns its libgit2 handle and frees it when released.
///
/// VouchGit is the only target that talks to libgit2; everything above it sees Swift types.
public final class Repository {
    let handle: OpaquePointer
    private let databaseLock = NSLock()
    private var database: ObjectDatabase?

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { git_repository_free(handle) }

    /// Opens the repository at exactly `path` (a work tree, a `.git` folder or a bare repository).
    public static func open(at path: String) throws -> Repository {
        LibGit2.ensureInitialized()
        var pointer: OpaquePointer?
        try GitError.check(git_repository_open_ext(&pointer, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil), "opening the repository at \(path)")
        return Repository(handle: pointer!)
    }

    /// Finds the repository containing `path`, searching upwards like git does; nil outside any repository.
    public static func discover(from path: String) throws -> Repository? {
        LibGit2.ensureInitialized()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_repository_discover(&buffer, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "looking for a git repository from \(path)")
        let found = String(cString: buffer.ptr)
        var pointer: OpaquePointer?
        try GitError.check(git_repository_open_ext(&pointer, found, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil), "opening the repository at \(found)")
        return Repository(handle: pointer!)
    }

    /// The work tree's root, without a trailing slash; nil for a bare repository.
    public var workingDirectory: URL? {
        guard let path = git_repository_workdir(handle) else { return nil }
        return URL(fileURLWithPath: String(cString: path), isDirectory: true).standardizedFileURL
    }

    /// The `.git` folder (for a linked worktree, its own folder under the main repository).
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true).standardizedFileURL
    }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// A second handle on the same repository with an object database of its own, for a thread
    /// that reads alongside another one (see `ReadTuning.separateObjectsPath`).
    public func independentReader() throws -> sending Repository {
        let other = try Repository.open(at: gitDirectory.path)
        var odb: OpaquePointer?
        let objectsPath = ReadTuning.separateObjectsPath(objectsFolder: commonDirectory.appendingPathComponent("objects").path)
        try GitError.check(git_odb_open(&odb, objectsPath), "opening the object database at \(objectsPath)")
        defer { git_odb_free(odb) }
        try GitError.check(git_repository_set_odb(other.handle, odb), "opening the object database")
        return other
    }

    /// The object database, opened on first use (linting the index may never need it).
    var objects: ObjectDatabase {
        get throws {
            databaseLock.lock()
            defer { databaseLock.unlock() }
            if let database { return database }
            let opened = try ObjectDatabase(repository: handle)
            database = opened
            return opened
        }
    }
}

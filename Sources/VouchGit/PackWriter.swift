internal import CLibGit2

/// Objects written into memory through a handle of their own, then into the repository as one
/// pack (`finish`); nothing reaches the repository before that.
final class PackWriter {
    let repository: Repository
    private let database: OpaquePointer
    private let backend: OpaquePointer

    init(_ target: Repository) throws {
        repository = try Repository.open(at: target.gitDirectory.path)
        var database: OpaquePointer?
        try GitError.check(git_repository_odb(&database, repository.handle), "opening the object database")
        self.database = database!
        var backend: OpaquePointer?
        do {
            try GitError.check(git_mempack_new(&backend), "preparing a pack of the notes")
            // Above every other backend: new objects go there, reads still find the others.
            try GitError.check(git_odb_add_backend(database, backend, 1000), "preparing a pack of the notes")
        } catch {
            git_odb_free(database)
            throw error
        }
        self.backend = backend!
    }

    deinit {
        git_mempack_reset(backend)
        git_odb_free(database)
    }

    /// Writes what was written so far as one pack (with its index) into the repository.
    func finish() throws {
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try GitError.check(git_mempack_dump(&pack, repository.handle, backend), "packing the notes")
        var writepack: UnsafeMutablePointer<git_odb_writepack>?
        try GitError.check(git_odb_write_pack(&writepack, database, nil, nil), "writing the pack of the notes")
        defer { writepack!.pointee.free(writepack) }
        var progress = git_indexer_progress()
        try GitError.check(writepack!.pointee.append(writepack, pack.ptr, pack.size, &progress), "writing the pack of the notes")
        try GitError.check(writepack!.pointee.commit(writepack, &progress), "writing the pack of the notes")
    }
}

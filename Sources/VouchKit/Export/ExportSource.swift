/// Reads a program for export from a commit's tree (never the work tree), recording every file
/// it read with its blob id and SHA-256.
public enum ExportSource {
    /// - Parameters:
    ///   - revision: what `--rev` names (`HEAD`, a branch, a tag, an id).
    ///   - programPath: the program's folder inside the repository ("" for the root).
    public static func read(repository: Repository, revision: String, programPath: String) throws -> ExportInput {
        let commitID = try repository.resolveCommit(revision)
        let commit = try repository.commit(commitID)
        let snapshot = GitFileSource(repository: repository, snapshot: .commit(commitID), programPath: programPath)
        let files = try snapshot.snapshotFiles()
        let program = try Program.load(from: LoadedFileSource(files: files.map(\.file), displayName: snapshot.displayName))
        let origin = ExportOrigin(
            repository: try repositoryName(repository),
            branch: try branch(of: revision, commit: commitID, in: repository),
            commit: commitID,
            commitTime: commit.committer.time,
            commitOffsetMinutes: commit.committer.offsetMinutes,
            programPath: snapshot.prefix.hasSuffix("/") ? String(snapshot.prefix.dropLast()) : snapshot.prefix)
        return ExportInput(program: program, origin: origin, sources: try records(of: files, in: repository))
    }

    /// The records of the files of a snapshot, as the manifest lists them.
    public static func records(of files: [GitFileSource.SnapshotFile], in repository: Repository) throws -> [SourceFileRecord] {
        try files.map { snapshotFile in
            // Hash the blob itself (for a symbolic link, its target path), so the record can be
            // checked with git alone.
            let bytes: [UInt8]
            if case .success(let contents) = snapshotFile.file.contents, !snapshotFile.isSymbolicLink {
                bytes = contents
            } else {
                bytes = try repository.blob(snapshotFile.blob)
            }
            return SourceFileRecord(path: snapshotFile.repositoryPath, blob: snapshotFile.blob.description, sha256: SHA256.hex(of: bytes))
        }
    }

    /// The branch a revision stands for: the branch it names, else HEAD's branch when the revision
    /// is HEAD's commit; nil for any other commit.
    static func branch(of revision: String, commit: ObjectID, in repository: Repository) throws -> String? {
        let name = revision.hasPrefix("refs/heads/") ? String(revision.dropFirst(11)) : revision
        if try repository.branchTip(name) == commit { return name }
        if case .branch(let headBranch, let headCommit) = try repository.head, headCommit == commit { return headBranch }
        return nil
    }

    static func repositoryName(_ repository: Repository) throws -> String {
        if let url = try repository.remoteURL("origin") { return withoutCredentials(url) }
        return (repository.workingDirectory ?? repository.gitDirectory).lastPathComponent
    }

    /// `https://user:token@host/x.git` → `https://host/x.git`: a package is handed to outsiders.
    static func withoutCredentials(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }
}

/// Program files already read, handed to `Program.load` so each blob is read only once.
struct LoadedFileSource: ProgramFileSource {
    var files: [ProgramFile]
    var displayName: String

    func programFiles() -> [ProgramFile] { files }
}

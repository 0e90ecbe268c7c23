/// Program files read from git instead of the work tree: the files of a commit (`--rev`, for a
/// reproducible export) or the staged files (`--staged`, what a pre-commit hook must check).
///
/// Both see the repository as a map from path to blob, so they share the listing logic; they
/// differ only in where that map comes from.
public struct GitFileSource: ProgramFileSource {
    public enum Snapshot {
        case commit(ObjectID)
        case index(environment: [String: String])
        /// An index already read (by `ProgramLocator.locateStaged`), so it is not read twice.
        case stagedIndex(StagedIndex)
    }

    public let repository: Repository
    public let snapshot: Snapshot
    /// The program's folder inside the repository, "" for the repository root, else "a/b/".
    public let prefix: String

    public init(repository: Repository, snapshot: Snapshot, programPath: String = "") {
        self.repository = repository
        self.snapshot = snapshot
        self.prefix = ProgramLayout.folderPrefix(programPath)
    }

    public var displayName: String {
        switch snapshot {
        case .commit(let id): "commit \(id)"
        case .index, .stagedIndex: "the staged files"
        }
    }

    /// A file of the snapshot: its blob and whether it is a symbolic link.
    struct Blob {
        var id: ObjectID
        var isSymbolicLink: Bool
    }

    /// The blobs of the snapshot under the program folder, keyed by repository path.
    func blobs() throws -> [String: Blob] {
        switch snapshot {
        case .index, .stagedIndex:
            // Only the program's own entries: the rest of a large index is never turned into values.
            let index = try openIndex()
            var blobs: [String: Blob] = [:]
            if let configuration = index.entry(atPath: prefix + Configuration.fileName) {
                blobs[configuration.path] = Blob(configuration)
            }
            for folder in ProgramLayout.folders {
                for entry in index.entries(withPrefix: prefix + folder + "/") { blobs[entry.path] = Blob(entry) }
            }
            return blobs
        case .commit(let id):
            var tree = try repository.tree(repository.commit(id).treeID)
            if !prefix.isEmpty {
                guard let entry = try repository.entry(atPath: String(prefix.dropLast()), in: tree), entry.kind == .tree else { return [:] }
                tree = try repository.tree(entry.id)
            }
            var blobs: [String: Blob] = [:]
            if let configuration = tree.entry(named: Configuration.fileName), configuration.kind == .blob {
                blobs[prefix + configuration.name] = Blob(id: configuration.id, isSymbolicLink: configuration.isSymbolicLink)
            }
            for folder in ProgramLayout.folders {
                guard let entry = tree.entry(named: folder), entry.kind == .tree else { continue }
                try collect(try repository.tree(entry.id), path: prefix + folder, into: &blobs)
            }
            return blobs
        }
    }

    private func openIndex() throws -> StagedIndex {
        switch snapshot {
        case .stagedIndex(let index): index
        case .index(let environment): try repository.stagedIndex(environment: environment)
        case .commit: preconditionFailure("a commit snapshot has no index")
        }
    }

    private func collect(_ tree: Tree, path: String, into blobs: inout [String: Blob]) throws {
        for entry in tree.entries {
            let entryPath = path + "/" + entry.name
            switch entry.kind {
            case .tree: try collect(try repository.tree(entry.id), path: entryPath, into: &blobs)
            case .blob: blobs[entryPath] = Blob(id: entry.id, isSymbolicLink: entry.isSymbolicLink)
            case .commit, .other: break
            }
        }
    }

    public func programFiles() throws -> [ProgramFile] {
        try snapshotFiles().map(\.file)
    }

    /// A program file together with the blob its tree entry names, for records of what was read.
    public struct SnapshotFile: Sendable {
        public var file: ProgramFile
        public var blob: ObjectID
        /// The path from the repository's root (the program folder's prefix, then the file's path).
        public var repositoryPath: String
        public var isSymbolicLink: Bool
        /// For a file that was read: the blob holding its bytes (a link's target's, for a link)
        /// and their size, so a copy can be read again when it is written rather than held.
        public var content: (blob: ObjectID, size: Int)?
    }

    /// Every program file of the snapshot with its blob id, sorted by path.
    public func snapshotFiles() throws -> [SnapshotFile] {
        let blobs = try blobs()
        let unchanged = try unchangedArtifacts(in: blobs)
        var files: [SnapshotFile] = []
        for (repositoryPath, blob) in blobs {
            let path = String(repositoryPath.dropFirst(prefix.count))
            guard let role = ProgramLayout.role(of: path) else { continue }
            if unchanged.contains(repositoryPath) {
                files.append(SnapshotFile(file: ProgramFile(path: path, contents: .unread), blob: blob.id, repositoryPath: repositoryPath, isSymbolicLink: blob.isSymbolicLink))
                continue
            }
            let read = try contents(of: blob, at: repositoryPath, programPath: path, in: blobs)
            var file = SnapshotFile(file: ProgramFile(path: path, contents: read.map(\.bytes)), blob: blob.id, repositoryPath: repositoryPath, isSymbolicLink: blob.isSymbolicLink)
            if case .success(let found) = read {
                file.content = (found.blob, found.bytes.count)
                // Hashed as read, not kept: thousands of artefacts are hundreds of megabytes.
                if ProgramLayout.isHashedOnly(role) { file.file.contents = .sha256(SHA256.hex(SHA256.hash(found.bytes))) }
            }
            files.append(file)
        }
        return files.sorted { $0.file.path < $1.file.path }
    }

    /// The run artefacts of a staged snapshot the hook need not read (repository paths): those
    /// whose blob is the one HEAD holds at the same path, when no staged run record that differs
    /// from HEAD names them. Each such pair of record and artefact is exactly as committed, so
    /// the commit is only asked about what it changes; a commit snapshot reads everything.
    func unchangedArtifacts(in blobs: [String: Blob]) throws -> Set<String> {
        if case .commit = snapshot { return [] }
        let runsPath = prefix + ProgramLayout.runsFolder
        let headCommit: ObjectID
        switch try repository.head {
        case .branch(_, let commit), .detached(let commit): headCommit = commit
        case .unborn: return []
        }
        guard let runs = try repository.entry(atPath: runsPath, in: repository.tree(repository.commit(headCommit).treeID)), runs.kind == .tree else { return [] }
        var committed: [String: Blob] = [:]
        try collect(try repository.tree(runs.id), path: runsPath, into: &committed)
        var candidates: Set<String> = []
        var named: Set<String> = []
        for (repositoryPath, blob) in blobs where repositoryPath.hasPrefix(runsPath + "/") {
            let path = String(repositoryPath.dropFirst(prefix.count))
            let isUnchanged = committed[repositoryPath].map { $0.id == blob.id && !$0.isSymbolicLink && !blob.isSymbolicLink } ?? false
            switch ProgramLayout.role(of: path) {
            case .runArtifact? where isUnchanged: candidates.insert(repositoryPath)
            case .run? where !isUnchanged:
                // A changed record may name any artefact, changed or not: those it names are read.
                let text = String(decoding: try repository.blob(blob.id), as: UTF8.self)
                if case .run(let record)? = DocumentDecoder.decode(text, path: path, role: .run).0 {
                    named.formUnion(record.artifacts.compactMap { $0.file.map { prefix + $0.value } })
                }
            default: continue
            }
        }
        return candidates.subtracting(named)
    }

    /// A file's bytes and the blob they came from (a link's target's, for a link).
    private func contents(of blob: Blob, at repositoryPath: String, programPath: String, in blobs: [String: Blob]) throws -> Result<(bytes: [UInt8], blob: ObjectID), FindingError> {
        guard blob.isSymbolicLink else { return .success((try repository.blob(blob.id), blob.id)) }
        // A link's blob holds its target; follow it only to another file of the same snapshot.
        let target = String(decoding: try repository.blob(blob.id), as: UTF8.self)
        guard let resolved = Self.resolve(link: repositoryPath, target: target) else {
            return .failure(FindingError(FileSymlinkRule.finding(
                at: SourceLocation(file: programPath),
                "symbolic link points outside the repository (\(target)); program files must live in the repository, so copy the file in instead")))
        }
        guard let targetBlob = blobs[resolved] ?? (try? lookUpOutsideProgram(resolved)), !targetBlob.isSymbolicLink else {
            return .failure(FindingError(FileSymlinkRule.finding(
                at: SourceLocation(file: programPath),
                "symbolic link points to '\(target)', which is not a file in this snapshot; fix or remove the link")))
        }
        return .success((try repository.blob(targetBlob.id), targetBlob.id))
    }

    private func lookUpOutsideProgram(_ path: String) throws -> Blob? {
        switch snapshot {
        case .commit(let id):
            guard let entry = try repository.entry(atPath: path, in: repository.tree(repository.commit(id).treeID)), entry.kind == .blob else { return nil }
            return Blob(id: entry.id, isSymbolicLink: entry.isSymbolicLink)
        case .index, .stagedIndex:
            return try openIndex().entry(atPath: path).map(Blob.init)
        }
    }

    /// The repository path a relative link target names, or nil if it leaves the repository.
    static func resolve(link: String, target: String) -> String? {
        guard !target.hasPrefix("/") else { return nil }
        var components = link.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }
}

extension GitFileSource.Blob {
    init(_ entry: IndexEntry) { self.init(id: entry.id, isSymbolicLink: entry.isSymbolicLink) }
}

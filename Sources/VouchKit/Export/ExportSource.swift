/// Reads a program for export from a commit's tree (never the work tree), recording every file
/// it read with its blob id and SHA-256.
public enum ExportSource {
    /// - Parameters:
    ///   - revision: what `--rev` names (`HEAD`, a branch, a tag, an id).
    ///   - programPath: the program's folder inside the repository ("" for the root).
    ///   - evidence: whether to read the change population and policy history too (see `readEvidence`).
    public static func read(repository: Repository, revision: String, programPath: String, evidence: Bool = true) throws -> ExportInput {
        let commitID = try repository.resolveCommit(revision)
        let commit = try repository.commit(commitID)
        let snapshot = GitFileSource(repository: repository, snapshot: .commit(commitID), programPath: programPath)
        let files = try snapshot.snapshotFiles()
        let program = try Program.load(from: LoadedFileSource(files: files.map(\.file), displayName: snapshot.displayName))
        let origin = ExportOrigin(
            repository: try repository.publicName(),
            branch: try branch(of: revision, commit: commitID, in: repository),
            commit: commitID,
            commitTime: Timestamp(commit.committer),
            programPath: snapshot.prefix.hasSuffix("/") ? String(snapshot.prefix.dropLast()) : snapshot.prefix)
        var input = ExportInput(program: program, origin: origin, sources: try records(of: files, in: repository))
        input.artifacts = ExportArtifact.named(by: program, in: files)
        if evidence { try readEvidence(into: &input, repository: repository) }
        return input
    }

    /// The change population and the policies' approval history as of the commit: the commit's
    /// first-parent history, judged at the commit's time, so the same commit always gives the
    /// same evidence (as long as no review note is added to it later). A history that cannot be
    /// read leaves the evidence out, with the reason, rather than failing the whole export; an
    /// object whose content does not match its id (`GitError.isHashMismatch`) fails it.
    public static func readEvidence(into input: inout ExportInput, repository: Repository) throws {
        let origin = input.origin
        let programPrefix = origin.programPath.isEmpty ? "" : origin.programPath + "/"
        let request = EvidenceRequest(branch: origin.branch, now: origin.commitTime, programPrefix: programPrefix, tip: origin.commit)
        do {
            let population = try ChangePopulation.read(repository: repository, configuration: input.program.configuration, request: request)
            input.changes = population
            input.policyApprovals = try PolicyHistory.read(program: input.program, repository: repository, programPrefix: programPrefix, tip: origin.commit) ?? [:]
            if input.program.people != nil {
                input.acknowledgements = try PolicyAcknowledgements.read(history: input.policyApprovals ?? [:], repository: repository)
            }
        } catch {
            if let corrupt = GitError.hashMismatch(in: error) { throw corrupt }
            input.changes = nil
            input.policyApprovals = nil
            input.acknowledgements = nil
            input.evidenceProblem = String(describing: error)
        }
    }

    /// `readEvidence(into:repository:)` with the program linted beside the history walk (the two
    /// are independent; the walk takes longer); the lint's report.
    public static func readEvidenceLinting(into input: inout ExportInput, repository: Repository, lintOptions: LintOptions) throws -> LintReport {
        let lint = SignalledState<LintReport?>(nil)
        WorkerThread.start(input.program) { program in
            let report = Linter.lint(program, options: lintOptions)
            lint.update { $0 = report }
        } finishing: { _ in }
        let evidence = Result { try readEvidence(into: &input, repository: repository) }
        let report = lint.wait { $0 }
        try evidence.get()
        return report
    }

    /// The records of the files of a snapshot, as the manifest lists them.
    public static func records(of files: [GitFileSource.SnapshotFile], in repository: Repository) throws -> [SourceFileRecord] {
        try files.map { snapshotFile in
            // Hash the blob itself (for a symbolic link, its target path), so the record can be
            // checked with git alone.
            let digest: String
            switch snapshotFile.file.contents {
            case .bytes(let contents) where !snapshotFile.isSymbolicLink: digest = SHA256.hex(SHA256.hash(contents))
            case .sha256(let found) where !snapshotFile.isSymbolicLink: digest = found
            default: digest = SHA256.hex(SHA256.hash(try repository.blob(snapshotFile.blob)))
            }
            return SourceFileRecord(path: snapshotFile.repositoryPath, blob: snapshotFile.blob.description, sha256: digest)
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
}

/// Program files already read, handed to `Program.load` so each blob is read only once.
struct LoadedFileSource: ProgramFileSource {
    var files: [ProgramFile]
    var displayName: String

    func programFiles() -> [ProgramFile] { files }
}

/// A file of the program the auditor receives as it is, beside the renderings: a vendor's report
/// named by its assurance's `file:`, a run's artefact named by its record's `file:`. The export copies it under `artifacts/` and the manifest
/// records its hash, so the package proves which report the review relied on.
///
/// Its bytes are not held: the export reads them from `blob` as it writes the copy (thousands of
/// artefacts are hundreds of megabytes), and they are the bytes hashed when the program was read,
/// git's objects being named by their content.
public struct ExportArtifact: Sendable, Hashable {
    /// The path inside the program, as the program names it (`vendors/reports/aws-soc2.pdf`).
    public var path: String
    /// The blob holding the file's bytes (for a symbolic link, its target's).
    public var blob: ObjectID
    public var sha256: String
    public var size: Int

    public init(path: String, blob: ObjectID, sha256: String, size: Int) {
        self.path = path
        self.blob = blob
        self.sha256 = sha256
        self.size = size
    }

    /// Where the export writes it.
    public var packagePath: String { Self.folder + path }

    public static let folder = "artifacts/"

    /// The files a program's registers and run records name that its snapshot holds, sorted by
    /// path. A file that is named but not there is left out: `vendor-artifact-mismatch` and
    /// `run-artifact-missing` report it.
    static func named(by program: Program, in files: [GitFileSource.SnapshotFile]) -> [ExportArtifact] {
        let named = Set(program.vendors.flatMap { $0.assurance.compactMap { $0.file?.value } } + program.runs.flatMap { $0.artifacts.compactMap { $0.file?.value } })
        return files.compactMap { file in
            guard named.contains(file.file.path), let content = file.content else { return nil }
            switch file.file.contents {
            case .sha256(let digest): return ExportArtifact(path: file.file.path, blob: content.blob, sha256: digest, size: content.size)
            case .bytes(let bytes): return ExportArtifact(path: file.file.path, blob: content.blob, sha256: SHA256.hex(SHA256.hash(bytes)), size: bytes.count)
            case .refused, .unread: return nil
            }
        }.sorted { $0.path < $1.path }
    }
}

/// A file of the program the auditor receives as it is, beside the renderings: a vendor's report
/// named by its assurance's `file:`, a run's artefact named by its record's `file:`. The export copies it under `artifacts/` and the manifest
/// records its hash, so the package proves which report the review relied on.
public struct ExportArtifact: Sendable, Hashable {
    /// The path inside the program, as the program names it (`vendors/reports/aws-soc2.pdf`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Where the export writes it.
    public var packagePath: String { Self.folder + path }

    public static let folder = "artifacts/"

    /// The files a program's registers and run records name that its snapshot holds, sorted by
    /// path. A file that is named but not there is left out: `vendor-artifact-mismatch` and
    /// `run-artifact-missing` report it.
    static func named(by program: Program, in files: [ProgramFile]) -> [ExportArtifact] {
        let named = Set(program.vendors.flatMap { $0.assurance.compactMap { $0.file?.value } } + program.runs.flatMap { $0.artifacts.compactMap { $0.file?.value } })
        return files.compactMap { file in
            guard named.contains(file.path), let bytes = file.bytes else { return nil }
            return ExportArtifact(path: file.path, bytes: bytes)
        }.sorted { $0.path < $1.path }
    }
}

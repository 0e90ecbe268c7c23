import Foundation

/// The outcome of `vouch verify`: every difference found, and what could not be checked.
public struct VerificationReport: Sendable {
    public var manifest: ExportManifest
    /// Differences between the package, its manifest, and the repository: any one fails verification.
    public var differences: [String] = []
    /// Checks that were not made, and why.
    public var notes: [String] = []
    public var outputsChecked = 0
    public var sourcesChecked = 0
    /// Whether the package was rebuilt from the recorded commit and compared byte for byte.
    public var regenerated = false

    public var isClean: Bool { differences.isEmpty }
}

public enum VerifyError: VouchError, Sendable, CustomStringConvertible {
    case notAPackage(String)

    public var description: String {
        switch self {
        case .notAPackage(let path): "\(path) has no manifest.json; it is not a package written by 'vouch export'"
        }
    }
}

/// Checks a package against its manifest and, given the repository, against the commit it
/// records: the sources must be the same blobs, and rebuilding the package from them must give
/// the same bytes (which also catches a manifest edited to match edited outputs).
public enum PackageVerifier {
    public static func verify(folder: URL, repository: Repository?, toolVersion: String) throws -> VerificationReport {
        let manifestURL = folder.appendingPathComponent(Exporter.manifestFile)
        guard let manifestData = FileManager.default.contents(atPath: manifestURL.path) else {
            throw VerifyError.notAPackage(folder.path)
        }
        let manifestBytes = [UInt8](manifestData)
        let manifest: ExportManifest
        do {
            manifest = try ExportManifest(parsing: manifestBytes)
        } catch {
            throw VerifyError.notAPackage("\(folder.path) (\(error))")
        }
        var report = VerificationReport(manifest: manifest)
        checkOutputs(in: folder, against: manifest, into: &report)
        checkRunArtifacts(in: folder, against: manifest, into: &report)
        guard let repository else {
            report.notes.append("sources not checked: not inside a git repository; run 'vouch verify' inside the repository the package was exported from")
            return report
        }
        guard (try? repository.contains(manifest.origin.commit)) == true else {
            report.differences.append("commit \(manifest.origin.commit) is not in the repository at \((repository.workingDirectory ?? repository.gitDirectory).path)")
            return report
        }
        var input = try ExportSource.read(repository: repository, revision: manifest.origin.commit.description, programPath: manifest.origin.programPath, evidence: false)
        checkSources(input.sources, against: manifest, into: &report)
        guard manifest.toolVersion == toolVersion else {
            report.notes.append("outputs not rebuilt: the package was made by vouch \(manifest.toolVersion), this is vouch \(toolVersion)")
            return report
        }
        // Where the package was made from is a fact of that clone (remote URL, branch), not of the
        // commit; the evidence is then read as the export read it.
        input.origin.repository = manifest.origin.repository
        input.origin.branch = manifest.origin.branch
        try ExportSource.readEvidence(into: &input, repository: repository)
        // Whether the export checked object hashes is a fact of that export; this run's own
        // reading is what `vouch verify` reports.
        input.objectsVerified = manifest.objectsVerified
        input.includePeople = manifest.includePeople
        input.runsJudgedOn = manifest.runs?.judgedOn
        input.changes?.metadata.objectsVerified = manifest.objectsVerified
        let rebuilt: ExportPackage
        do {
            rebuilt = try Exporter.package(input, options: ExportOptions(report: manifest.report, formats: Set(manifest.formats), toolVersion: toolVersion))
        } catch {
            report.differences.append("the package cannot be rebuilt from commit \(manifest.origin.commit): \(error)")
            return report
        }
        report.regenerated = true
        let recorded = Dictionary(manifest.outputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // The rebuilt manifest's records: a rendering's hash of its rebuilt bytes, a copy's of the
        // blob the commit holds.
        for output in rebuilt.manifest.outputs {
            if let entry = recorded[output.path], entry.sha256 != output.sha256 {
                report.differences.append("\(output.path): differs from the same file rebuilt from commit \(manifest.origin.commit)")
            } else if recorded[output.path] == nil {
                report.differences.append("\(output.path): a rebuild from commit \(manifest.origin.commit) writes it, but the manifest does not list it")
            }
        }
        let rebuiltPaths = Set(rebuilt.manifest.outputs.map(\.path))
        for entry in manifest.outputs where !rebuiltPaths.contains(entry.path) {
            report.differences.append("\(entry.path): listed in the manifest, but a rebuild from commit \(manifest.origin.commit) does not write it")
        }
        if rebuilt.file(Exporter.manifestFile)?.bytes != manifestBytes {
            report.differences.append("manifest.json: differs from the manifest rebuilt from commit \(manifest.origin.commit)")
        }
        return report
    }

    private static func checkOutputs(in folder: URL, against manifest: ExportManifest, into report: inout VerificationReport) {
        var listed: Set<String> = [Exporter.manifestFile]
        for entry in manifest.outputs {
            listed.insert(entry.path)
            // Only paths inside the folder: a manifest must not make verify read elsewhere.
            guard isPlainRelativePath(entry.path) else {
                report.differences.append("\(entry.path): not a path inside the package")
                continue
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(entry.path).path) else {
                report.differences.append("\(entry.path): missing")
                continue
            }
            report.outputsChecked += 1
            let digest = SHA256.hex(SHA256.hash([UInt8](data)))
            if digest != entry.sha256 || data.count != entry.size {
                report.differences.append("\(entry.path): modified (manifest: \(entry.size) bytes, sha256 \(entry.sha256); found: \(data.count) bytes, sha256 \(digest))")
            }
        }
        for path in filesBelow(folder) where !listed.contains(path) {
            report.differences.append("\(path): not listed in the manifest")
        }
    }

    /// Each run artefact copied into the package must still be the file the export found, whose
    /// hash the manifest lists beside the one its run record gives; a difference the export
    /// found between the two is a fact of the program, reported as a note.
    private static func checkRunArtifacts(in folder: URL, against manifest: ExportManifest, into report: inout VerificationReport) {
        for artifact in manifest.runs?.artifacts ?? [] {
            if artifact.status == .mismatch {
                report.notes.append("\(artifact.reference): the export found SHA-256 \(artifact.found ?? "none"), not the \(artifact.recorded ?? "none") its run record \(artifact.record) gives")
            }
            guard let path = artifact.packagePath, isPlainRelativePath(path), let found = artifact.found,
                  let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            let digest = SHA256.hex(SHA256.hash([UInt8](data)))
            if digest != found {
                report.differences.append("\(path): not the artefact of run record \(artifact.record) the export copied (sha256 \(found); found: sha256 \(digest))")
            }
        }
    }

    private static func checkSources(_ current: [SourceFileRecord], against manifest: ExportManifest, into report: inout VerificationReport) {
        let found = Dictionary(current.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = Set(manifest.sources.map(\.path))
        for source in manifest.sources {
            guard let now = found[source.path] else {
                report.differences.append("source \(source.path): not in commit \(manifest.origin.commit)")
                continue
            }
            report.sourcesChecked += 1
            if now.blob != source.blob || now.sha256 != source.sha256 {
                report.differences.append("source \(source.path): commit \(manifest.origin.commit) has blob \(now.blob) (sha256 \(now.sha256)); the manifest records blob \(source.blob) (sha256 \(source.sha256))")
            }
        }
        for source in current where !recorded.contains(source.path) {
            report.differences.append("source \(source.path): in commit \(manifest.origin.commit) but not listed in the manifest")
        }
    }

    static func isPlainRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// Every regular file below the folder, as `/`-separated relative paths, sorted.
    public static func filesBelow(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: []) else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if isDirectory { continue }
            let full = url.standardizedFileURL.path
            paths.append(full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent)
        }
        return paths.sorted()
    }
}

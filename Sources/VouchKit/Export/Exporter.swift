import Foundation

/// The renderings `--format` chooses among; the manifest (and the evidence, when collected)
/// are always written.
public enum ExportFormat: String, Sendable, CaseIterable, Codable, Comparable {
    case html, md, json, oscal

    public static func < (lhs: ExportFormat, rhs: ExportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct ExportOptions: Sendable {
    public var report: ExportReport
    public var formats: Set<ExportFormat>
    /// Recorded in the manifest; `vouch verify` regenerates only with the same version.
    public var toolVersion: String

    public init(report: ExportReport, formats: Set<ExportFormat> = Set(ExportFormat.allCases), toolVersion: String) {
        self.report = report
        self.formats = formats
        self.toolVersion = toolVersion
    }
}

/// One file of a package, by its path inside the package folder.
public struct PackageFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// A program file the package holds as it is (a run's artefact, a vendor's report), by its path
/// inside the package folder: written from its blob, never held in memory.
public struct PackageCopy: Sendable {
    public var path: String
    public var blob: ObjectID
}

/// An export: every rendered file in memory (the manifest last), and the copies to write from git.
public struct ExportPackage: Sendable {
    public var files: [PackageFile]
    public var copies: [PackageCopy]
    public var manifest: ExportManifest

    public func file(_ path: String) -> PackageFile? { files.first { $0.path == path } }
}

public enum ExportError: VouchError, Sendable, CustomStringConvertible, Equatable {
    case reportNotConfigured(ExportReport)
    case noFormat
    case outputNotEmpty(String)
    case outputNotAFolder(String)
    case outputLooksLikeARepository(String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .reportNotConfigured(let report):
            "vouch.yml has no reports.\(report.rawValue) at this commit; add it, or export another report with --report"
        case .noFormat:
            "no output format chosen; pass --format html,md,json,oscal or all"
        case .outputNotEmpty(let path):
            "\(path) is not empty; choose an empty or new folder, or pass --force to replace its contents"
        case .outputNotAFolder(let path):
            "\(path) exists and is not a folder"
        case .outputLooksLikeARepository(let path):
            "\(path) holds a git repository or a vouch program; refusing to clear it even with --force"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}

/// Builds the auditor's package from an export input. Pure: the same input and options always
/// give the same bytes.
public enum Exporter {
    public static let manifestFile = "manifest.json"

    public static func package(_ input: ExportInput, options: ExportOptions) throws -> ExportPackage {
        let configuration = input.program.configuration
        switch options.report {
        case .soc2 where configuration.soc2 == nil, .soc1 where configuration.soc1 == nil:
            throw ExportError.reportNotConfigured(options.report)
        default: break
        }
        guard !options.formats.isEmpty else { throw ExportError.noFormat }
        let description = SystemDescription(input, report: options.report)
        let formats = options.formats
        var renderings: [(path: String, render: @Sendable () -> String)] = []
        if formats.contains(.html) || formats.contains(.md) {
            let document = DescriptionDocument(description)
            if formats.contains(.html) { renderings.append(("system-description.html", { HTMLDocumentRenderer.render(document) })) }
            if formats.contains(.md) { renderings.append(("system-description.md", { MarkdownDocumentRenderer.render(document) })) }
        }
        if formats.contains(.json) { renderings.append(("system-description.json", { DescriptionJSONRenderer.render(description) })) }
        if let population = input.changes {
            let version = options.toolVersion
            renderings.append(("evidence/changes.json", { EvidenceReporter.render(population, format: .json, toolVersion: version) }))
            renderings.append(("evidence/changes.csv", { EvidenceReporter.render(population, format: .csv, toolVersion: version) }))
        }
        if let runs = description.runs {
            renderings.append(("evidence/runs.json", { RunsJSON.render(runs).serialized() + "\n" }))
            renderings.append(("evidence/runs.csv", { RunCalendarReporter.render(runs.calendar, controls: runs.calendar.controls, format: .csv) }))
        }
        if formats.contains(.oscal) {
            let version = options.toolVersion
            renderings.append(("oscal/ssp.json", { OSCALRenderer.systemSecurityPlan(description, toolVersion: version) }))
            renderings.append(("oscal/" + OSCALRenderer.catalogFile(options.report), { OSCALRenderer.catalog(description, toolVersion: version) }))
            renderings.append(("oscal/" + OSCALRenderer.profileFile(options.report), { OSCALRenderer.profile(description, toolVersion: version) }))
        }
        // The renderings are independent pure functions: run them side by side, each hashing its own bytes.
        let jobs = renderings
        let rendered = WorkerThread.map(jobs.count) { index in
            let bytes = Array(jobs[index].render().utf8)
            let path = jobs[index].path
            return (file: PackageFile(path: path, bytes: bytes), record: OutputFileRecord(path: path, sha256: SHA256.hex(SHA256.hash(bytes)), size: bytes.count))
        }
        // The copies' hashes were taken when the program was read; their bytes are read again as they are written.
        let copies = input.artifacts.map { PackageCopy(path: $0.packagePath, blob: $0.blob) }
        let copied = input.artifacts.map { OutputFileRecord(path: $0.packagePath, sha256: $0.sha256, size: $0.size) }
        var files = rendered.map(\.file).sorted { $0.path < $1.path }
        let outputs = (rendered.map(\.record) + copied).sorted { $0.path < $1.path }
        var manifest = ExportManifest(
            toolVersion: options.toolVersion, origin: input.origin, report: options.report, reportType: description.reportType,
            period: description.period, formats: formats.sorted(),
            changesCollected: input.changes != nil, policyApprovalsCollected: input.policyApprovals != nil,
            objectsVerified: input.objectsVerified,
            sources: input.sources,
            outputs: outputs)
        manifest.includePeople = input.includePeople
        manifest.runs = description.runs.map { ExportManifest.Runs(judgedOn: $0.calendar.judgedOn, artifacts: $0.artifacts) }
        files.append(PackageFile(path: manifestFile, bytes: Array(manifest.json().utf8)))
        return ExportPackage(files: files, copies: copies, manifest: manifest)
    }
}

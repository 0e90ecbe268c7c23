import Foundation

/// One file of a package as the manifest records it.
public struct OutputFileRecord: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var size: Int
}

/// `manifest.json`: what a package was built from and what it contains, so anyone can check
/// that neither the package nor its sources changed since.
public struct ExportManifest: Sendable {
    public static let format = "vouch-export-manifest/1"

    public var toolVersion: String
    public var origin: ExportOrigin
    public var report: ExportReport
    public var reportType: Int?
    public var period: ReportPeriod?
    public var formats: [ExportFormat]
    public var changesCollected: Bool
    public var policyApprovalsCollected: Bool
    /// Whether the export read every object with its hash checked (`ObjectVerification`).
    public var objectsVerified: Bool
    /// Whether the description names the people of the populations (`--include-people`).
    public var includePeople = false
    /// When the program expects runs: the day they were judged on, and every artefact of the run
    /// records as the export found it.
    public var runs: Runs?
    public var sources: [SourceFileRecord]
    public var outputs: [OutputFileRecord]

    public func json() -> String {
        var members: [(String, JSONValue)] = [
            ("format", .string(Self.format)),
            ("tool", .object([("name", .string("vouch")), ("version", .string(toolVersion))])),
            ("repository", .string(origin.repository)),
            ("branch", .optional(origin.branch)),
            ("commit", .string(origin.commit.description)),
            ("committed", .string(origin.commitTimestampUTC)),
            ("committedLocal", .string(origin.commitTimeLocal)),
            ("programPath", .string(origin.programPath)),
            ("report", .object([("kind", .string(report.rawValue)), ("type", reportType.map(JSONValue.int) ?? .null)])),
            ("period", DescriptionJSONRenderer.period(period)),
            ("formats", .array(formats.map { .string($0.rawValue) })),
            ("evidence", .object([
                ("changes", .string(changesCollected ? "collected" : "not-available")),
                ("policyApprovals", .string(policyApprovalsCollected ? "collected" : "not-available")),
            ])),
            ("objectHashes", .string(ObjectVerification.recorded(objectsVerified))),
        ]
        if includePeople { members.append(("people", .string("named"))) }
        if let runs { members.append(("runs", RunsJSON.manifest(runs))) }
        members.append(("sources", .array(sources.map { .object([("path", .string($0.path)), ("blob", .string($0.blob)), ("sha256", .string($0.sha256))]) })))
        members.append(("outputs", .array(outputs.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256)), ("size", .int($0.size))]) })))
        return JSONValue.object(members).serialized() + "\n"
    }

    /// Reads a manifest back; throws a message naming what is wrong.
    public init(parsing bytes: [UInt8]) throws {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw ManifestError("manifest.json is not a JSON object")
        }
        let reader = ManifestReader(root)
        guard try reader.string("format") == Self.format else { throw ManifestError("manifest.json is not a \(Self.format) manifest") }
        let tool = try reader.object("tool")
        toolVersion = try tool.string("version")
        let commitText = try reader.string("commit")
        guard let commit = ObjectID(hex: commitText) else { throw ManifestError("manifest.json: 'commit' is not a commit id: \(commitText)") }
        guard let reportKind = ExportReport(rawValue: try reader.object("report").string("kind")) else {
            throw ManifestError("manifest.json: unknown report kind")
        }
        report = reportKind
        reportType = try reader.object("report").optionalInt("type")
        origin = ExportOrigin(
            repository: try reader.string("repository"), branch: try reader.optionalString("branch"), commit: commit,
            commitTime: Timestamp(seconds: 0), programPath: try reader.string("programPath"))
        if let periodObject = try reader.optionalObject("period") {
            guard let start = CalendarDate(try periodObject.string("start")), let end = CalendarDate(try periodObject.string("end")) else {
                throw ManifestError("manifest.json: 'period' dates are not YYYY-MM-DD")
            }
            period = ReportPeriod(start: start, end: end)
        }
        formats = try reader.strings("formats").map { name in
            guard let format = ExportFormat(rawValue: name) else { throw ManifestError("manifest.json: unknown format '\(name)'") }
            return format
        }
        let evidence = try reader.object("evidence")
        changesCollected = try evidence.string("changes") == "collected"
        policyApprovalsCollected = try evidence.string("policyApprovals") == "collected"
        objectsVerified = try reader.optionalString("objectHashes") == ObjectVerification.recorded(true)
        includePeople = try reader.optionalString("people") == "named"
        if let runsObject = try reader.optionalObject("runs") {
            guard let judgedOn = CalendarDate(try runsObject.string("judgedOn")) else { throw ManifestError("manifest.json: 'runs.judgedOn' is not YYYY-MM-DD") }
            runs = Runs(judgedOn: judgedOn, artifacts: try runsObject.objects("artifacts").map { entry in
                guard let status = RunPopulation.Artifact.Status(rawValue: try entry.string("status")) else { throw ManifestError("manifest.json: unknown run artefact status") }
                let file = try entry.optionalString("file")
                return RunPopulation.Artifact(record: try entry.string("record"), reference: try file ?? entry.string("url"), isFile: file != nil,
                                              recorded: try entry.optionalString("sha256"), found: try entry.optionalString("found"), status: status)
            })
        }
        sources = try reader.objects("sources").map { SourceFileRecord(path: try $0.string("path"), blob: try $0.string("blob"), sha256: try $0.string("sha256")) }
        outputs = try reader.objects("outputs").map { OutputFileRecord(path: try $0.string("path"), sha256: try $0.string("sha256"), size: try $0.int("size")) }
    }

    init(toolVersion: String, origin: ExportOrigin, report: ExportReport, reportType: Int?, period: ReportPeriod?, formats: [ExportFormat],
         changesCollected: Bool, policyApprovalsCollected: Bool, objectsVerified: Bool, sources: [SourceFileRecord], outputs: [OutputFileRecord]) {
        self.toolVersion = toolVersion
        self.origin = origin
        self.report = report
        self.reportType = reportType
        self.period = period
        self.formats = formats
        self.changesCollected = changesCollected
        self.policyApprovalsCollected = policyApprovalsCollected
        self.objectsVerified = objectsVerified
        self.sources = sources
        self.outputs = outputs
    }
}

extension ExportManifest {
    public struct Runs: Sendable {
        public var judgedOn: CalendarDate
        public var artifacts: [RunPopulation.Artifact]
    }
}

public struct ManifestError: VouchError, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Typed access to the members of a parsed JSON object, with messages that name the member.
private struct ManifestReader {
    var members: [String: Any]
    init(_ members: [String: Any]) { self.members = members }

    func string(_ key: String) throws -> String {
        guard let value = members[key] as? String else { throw ManifestError("manifest.json: '\(key)' is missing or not a string") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        if members[key] == nil || members[key] is NSNull { return nil }
        return try string(key)
    }

    func int(_ key: String) throws -> Int {
        guard let value = members[key] as? Int else {
            throw ManifestError("manifest.json: '\(key)' is missing or not a number")
        }
        return value
    }

    func optionalInt(_ key: String) throws -> Int? {
        if members[key] == nil || members[key] is NSNull { return nil }
        return try int(key)
    }

    func object(_ key: String) throws -> ManifestReader {
        guard let value = members[key] as? [String: Any] else { throw ManifestError("manifest.json: '\(key)' is missing or not an object") }
        return ManifestReader(value)
    }

    func optionalObject(_ key: String) throws -> ManifestReader? {
        if members[key] == nil || members[key] is NSNull { return nil }
        return try object(key)
    }

    func strings(_ key: String) throws -> [String] {
        guard let value = members[key] as? [String] else { throw ManifestError("manifest.json: '\(key)' is missing or not a list of strings") }
        return value
    }

    func objects(_ key: String) throws -> [ManifestReader] {
        guard let value = members[key] as? [[String: Any]] else { throw ManifestError("manifest.json: '\(key)' is missing or not a list of objects") }
        return value.map(ManifestReader.init)
    }
}

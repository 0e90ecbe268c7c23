/// Everything an export is built from. Renderers are pure functions of this value, so the same
/// input always gives the same bytes.
public struct ExportInput: Sendable {
    public var program: Program
    public var origin: ExportOrigin
    /// Every program file read, sorted by path.
    public var sources: [SourceFileRecord]
    /// The change population of the period; nil when it was not collected.
    public var changes: ChangeEvidence?
    /// The last approved change of each policy, by policy id; nil when it was not collected.
    public var policyApprovals: [String: PolicyApproval]?

    public init(program: Program, origin: ExportOrigin, sources: [SourceFileRecord], changes: ChangeEvidence? = nil, policyApprovals: [String: PolicyApproval]? = nil) {
        self.program = program
        self.origin = origin
        self.sources = sources
        self.changes = changes
        self.policyApprovals = policyApprovals
    }
}

/// Where the exported program came from.
public struct ExportOrigin: Sendable, Hashable {
    /// The repository as people know it: the `origin` remote's URL (without credentials), else
    /// the work tree's folder name.
    public var repository: String
    /// The branch the commit was exported from; nil for a detached commit.
    public var branch: String?
    public var commit: ObjectID
    /// The commit's committer time, seconds since 1970 UTC, and the committer's UTC offset.
    public var commitTime: Int64
    public var commitOffsetMinutes: Int
    /// The program's folder inside the repository: "" for the root, else "a/b".
    public var programPath: String

    public init(repository: String, branch: String?, commit: ObjectID, commitTime: Int64, commitOffsetMinutes: Int, programPath: String) {
        self.repository = repository
        self.branch = branch
        self.commit = commit
        self.commitTime = commitTime
        self.commitOffsetMinutes = commitOffsetMinutes
        self.programPath = programPath
    }

    /// The commit time in UTC, as OSCAL and the manifest write it: `2026-03-01T10:00:00Z`.
    public var commitTimestampUTC: String { Timestamp.iso8601(seconds: commitTime, offsetMinutes: 0) }

    /// The commit time as the committer's clock showed it: `2026-03-01 11:00 +01:00`.
    public var commitTimeLocal: String { Timestamp.readable(seconds: commitTime, offsetMinutes: commitOffsetMinutes) }
}

/// One program file as read for an export: enough for anyone to check it against git.
public struct SourceFileRecord: Sendable, Hashable {
    /// The path from the repository's root.
    public var path: String
    /// The git blob id the commit's tree names for the path.
    public var blob: String
    /// SHA-256 of the blob's bytes (what `git cat-file blob ID | sha256sum` prints).
    public var sha256: String

    public init(path: String, blob: String, sha256: String) {
        self.path = path
        self.blob = blob
        self.sha256 = sha256
    }
}

/// The change population of the period, as the evidence engine reports it.
public struct ChangeEvidence: Sendable {
    public var population: Int
    /// How changes reached the branch (reviewed pull request, direct push, emergency …), with counts.
    public var mechanisms: [MechanismCount]
    /// Every change that did not meet the change-management requirements.
    public var exceptions: [ChangeException]
    /// `evidence/changes.json` and `evidence/changes.csv`, as the evidence engine renders them.
    public var json: String
    public var csv: String

    public init(population: Int, mechanisms: [MechanismCount], exceptions: [ChangeException], json: String, csv: String) {
        self.population = population
        self.mechanisms = mechanisms
        self.exceptions = exceptions
        self.json = json
        self.csv = csv
    }
}

public struct MechanismCount: Sendable, Hashable {
    public var mechanism: String
    public var count: Int

    public init(mechanism: String, count: Int) {
        self.mechanism = mechanism
        self.count = count
    }
}

public struct ChangeException: Sendable, Hashable {
    public var commit: String
    public var date: String
    public var author: String
    public var subject: String
    public var reason: String

    public init(commit: String, date: String, author: String, subject: String, reason: String) {
        self.commit = commit
        self.date = date
        self.author = author
        self.subject = subject
        self.reason = reason
    }
}

/// The latest approved change to a policy file.
public struct PolicyApproval: Sendable, Hashable {
    public var date: String
    public var commit: String
    public var approver: String

    public init(date: String, commit: String, approver: String) {
        self.date = date
        self.commit = commit
        self.approver = approver
    }
}

/// Times written from a commit's timestamp, never from the clock, so exports are reproducible.
enum Timestamp {
    static func iso8601(seconds: Int64, offsetMinutes: Int) -> String {
        let (date, time) = parts(seconds: seconds, offsetMinutes: offsetMinutes)
        let suffix = offsetMinutes == 0 ? "Z" : offset(offsetMinutes)
        return "\(date)T\(time)\(suffix)"
    }

    static func readable(seconds: Int64, offsetMinutes: Int) -> String {
        let (date, time) = parts(seconds: seconds, offsetMinutes: offsetMinutes)
        return "\(date) \(time.prefix(5)) \(offset(offsetMinutes))"
    }

    private static func parts(seconds: Int64, offsetMinutes: Int) -> (CalendarDate, String) {
        let local = seconds + Int64(offsetMinutes) * 60
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = Int(local - Int64(days) * 86_400)
        let time = [secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60].map(twoDigits).joined(separator: ":")
        return (CalendarDate(dayNumber: days), time)
    }

    private static func offset(_ minutes: Int) -> String {
        (minutes < 0 ? "-" : "+") + twoDigits(abs(minutes) / 60) + ":" + twoDigits(abs(minutes) % 60)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

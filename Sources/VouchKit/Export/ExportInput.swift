/// Everything an export is built from. Renderers are pure functions of this value, so the same
/// input always gives the same bytes.
public struct ExportInput: Sendable {
    public var program: Program
    public var origin: ExportOrigin
    /// Every program file read, sorted by path.
    public var sources: [SourceFileRecord]
    /// The change population of the period, as of the commit; nil when it could not be read.
    public var changes: ChangePopulation?
    /// The approval history of each policy, by policy id, as of the commit; nil when it could not be read.
    public var policyApprovals: [String: PolicyApprovalRecord]?
    /// Why the evidence from git history is missing, when it is (a shallow clone, no period …).
    public var evidenceProblem: String?
    /// Whether every object read was hashed again and checked against its id (`ObjectVerification`).
    public var objectsVerified = ObjectVerification.isEnabled
    /// Acknowledgements of the policies' current versions, by policy id; nil when not read.
    public var acknowledgements: [String: [PolicyAcknowledgement]]?
    /// Whether the people populations name people (`--include-people`), or only count them.
    public var includePeople = false
    /// Files copied into the package as they are (vendor reports), sorted by path.
    public var artifacts: [ExportArtifact] = []
    /// The day the periodic controls' runs are judged on; nil: the commit's day.
    public var runsJudgedOn: CalendarDate?

    /// The day the runs are judged on.
    public var runsJudgingDay: CalendarDate { runsJudgedOn ?? origin.commitTime.localDate }

    public init(program: Program, origin: ExportOrigin, sources: [SourceFileRecord], changes: ChangePopulation? = nil, policyApprovals: [String: PolicyApprovalRecord]? = nil, evidenceProblem: String? = nil) {
        self.program = program
        self.origin = origin
        self.sources = sources
        self.changes = changes
        self.policyApprovals = policyApprovals
        self.evidenceProblem = evidenceProblem
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
    /// The commit's committer time, with the committer's UTC offset.
    public var commitTime: Timestamp
    /// The program's folder inside the repository: "" for the root, else "a/b".
    public var programPath: String

    public init(repository: String, branch: String?, commit: ObjectID, commitTime: Timestamp, programPath: String) {
        self.repository = repository
        self.branch = branch
        self.commit = commit
        self.commitTime = commitTime
        self.programPath = programPath
    }

    /// The commit time in UTC, as OSCAL and the manifest write it: `2026-03-01T10:00:00+00:00`.
    public var commitTimestampUTC: String { Timestamp(seconds: commitTime.seconds).iso8601 }

    /// The commit time as the committer's clock showed it: `2026-03-01T11:00:00+01:00`.
    public var commitTimeLocal: String { commitTime.iso8601 }
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

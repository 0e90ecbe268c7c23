/// A rule that checks the program as a whole, after every file has been read.
///
/// Rules whose problems are found while a file is read (encoding, YAML, schema) have only a
/// `RuleDescription`; the readers report them. Either way, `RuleRegistry` lists them all.
public protocol ProgramRule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: LintContext) -> [Finding]
}

/// What program rules see: the program, plus indexes and dates computed once for all rules.
public struct LintContext: Sendable {
    public let program: Program
    public let today: CalendarDate
    public let policyIDs: Set<String>
    public let objectiveIDs: Set<String>
    /// Policy approvals read from git history, when the program is in a repository; nil otherwise.
    public let policyHistory: [String: PolicyApprovalRecord]?

    public init(program: Program, today: CalendarDate, policyHistory: [String: PolicyApprovalRecord]? = nil) {
        self.program = program
        self.today = today
        self.policyIDs = Set(program.policies.map(\.id.value))
        self.objectiveIDs = Set(program.objectives.map(\.id.value))
        self.policyHistory = policyHistory
    }

    public var configuration: Configuration { program.configuration }

    /// Categories in scope of the SOC 2 report; empty when there is no SOC 2 report.
    public var categoriesInScope: Set<TrustServicesCategory> {
        program.configuration.soc2?.categoriesInScope ?? []
    }

    /// The day reviews are judged on: today, or the end of the last report period once it is over,
    /// so a finished period gives the same answer forever.
    public var reviewReferenceDate: CalendarDate {
        let ends = [configuration.soc2?.period?.end, configuration.soc1?.period?.end].compactMap { $0 }
        guard let lastEnd = ends.max() else { return today }
        return min(today, lastEnd)
    }
}

/// One change to a policy file on the branch, as read from git history.
public struct PolicyChange: Sendable, Hashable {
    /// The full commit id.
    public var commit: String
    public var landedAt: Timestamp
    /// Who wrote the change (mailmap applied).
    public var authors: [Identity]
    /// The policy's listed approvers who approved this change (never its authors).
    public var approvedBy: [Identity]

    public init(commit: String, landedAt: Timestamp, authors: [Identity], approvedBy: [Identity]) {
        self.commit = commit
        self.landedAt = landedAt
        self.authors = authors
        self.approvedBy = approvedBy
    }

    public var date: CalendarDate { landedAt.utcDate }
    public var shortID: String { String(commit.prefix(12)) }
    public var isApproved: Bool { !approvedBy.isEmpty }
}

/// A policy's approval history: its latest change, and its latest change that one of its
/// listed approvers approved.
public struct PolicyApprovalRecord: Sendable, Hashable {
    public var policyID: String
    /// The policy file's path in the repository.
    public var path: String
    public var lastChange: PolicyChange
    /// Nil when no change to the file was ever approved by a listed approver.
    public var lastApprovedChange: PolicyChange?

    public init(policyID: String, path: String, lastChange: PolicyChange, lastApprovedChange: PolicyChange?) {
        self.policyID = policyID
        self.path = path
        self.lastChange = lastChange
        self.lastApprovedChange = lastApprovedChange
    }
}

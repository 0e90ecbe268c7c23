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

import Foundation
/// What git holds about one change, before any judgement: read from a commit, or written by
/// hand for a rule's example.
public struct ChangeFacts: Sendable {
    public var commit: ObjectID
    public var parents: [ObjectID]
    public var author: GitSignature
    public var committer: GitSignature
    /// The message as stored, and its `encoding` header; parsed where the record is made.
    public var rawMessage: [UInt8]
    public var messageEncoding: String?
    public var signature: CommitSignature?
    /// For a merge: the authors of the merged branches' tips (second and later parents), who
    /// stand for the change's authors; the merge commit's author is whoever pressed the button.
    public var mergedAuthors: [Identity]
    /// Approvals from notes, before mailmap.
    public var noteApprovals: [Approval]
    /// Paths the change touches, compared with its first parent: every path in scope, or with
    /// `pathsListed` false only the sensitive ones (the whole-repository scope without `--list-paths`).
    public var paths: [String]
    public var pathsListed: Bool
    /// What review platforms recorded in the notes (`vouch github|gitlab record|import`).
    public var platformNotes: [PlatformNote]

    public init(commit: ObjectID, parents: [ObjectID], author: GitSignature, committer: GitSignature, rawMessage: [UInt8], messageEncoding: String?,
                signature: CommitSignature?, mergedAuthors: [Identity], noteApprovals: [Approval], paths: [String], pathsListed: Bool = true,
                platformNotes: [PlatformNote] = []) {
        self.commit = commit
        self.parents = parents
        self.author = author
        self.committer = committer
        self.rawMessage = rawMessage
        self.messageEncoding = messageEncoding
        self.signature = signature
        self.mergedAuthors = mergedAuthors
        self.noteApprovals = noteApprovals
        self.paths = paths
        self.pathsListed = pathsListed
        self.platformNotes = platformNotes
    }

    public var message: CommitMessage { CommitMessage(raw: rawMessage, encoding: messageEncoding) }
}

/// A person as recorded in the commit, and as `.mailmap` resolves them.
public struct RecordedPerson: Sendable, Hashable {
    public var raw: Identity
    public var identity: Identity
}

/// One change of the population with its evidence and exceptions: what `vouch evidence` lists.
public struct ChangeRecord: Sendable {
    public var commit: ObjectID
    public var parents: [ObjectID]
    /// Committer time: when the change landed on the branch.
    public var landedAt: Timestamp
    public var authoredAt: Timestamp
    public var subject: String
    public var author: RecordedPerson
    public var committer: RecordedPerson
    public var coAuthors: [Identity]
    public var mergedAuthors: [Identity]
    public var mechanism: ReviewMechanism
    public var reviewReference: String?
    public var approvals: [Approval]
    /// The commit's signature, verified; nil for an unsigned commit.
    public var signature: SignatureCheck?
    /// The paths in scope the change touches; nil when they were not listed (see `ChangeFacts.pathsListed`).
    public var paths: [String]?
    /// The paths that match the sensitive list.
    public var sensitivePaths: [String]
    /// The `Emergency:` reason, when the change is marked as an emergency.
    public var emergency: String?
    public var isBot: Bool
    /// Every trailer of the message, when listed (`ChangeAnalyzer.listsTrailers`).
    public var trailers: [Trailer]?
    public var exceptions: [ChangeException] = []
    /// The merged pull or merge request that landed the change, as recorded from its platform.
    public var review: PlatformReviewNote?
    /// Requests merged into the branch at this change whose landed commit is not on the first-parent line.
    public var unmatchedRequests: [String] = []
    /// Who wrote the change: its author and co-authors, or for a merge the merged tips' authors.
    public private(set) var changeAuthors: [Identity] = []
    /// Approvals that count towards `required_approvals`: by someone other than the authors.
    public private(set) var independentApprovals: [Approval] = []
    /// The distinct people behind the independent approvals.
    public private(set) var independentApprovers: [Identity] = []
    /// Approvals given by one of the change's own authors.
    public private(set) var selfApprovals: [Approval] = []
    /// With `require_signed_approvals`: approvals by others whose signature is missing or does
    /// not verify as theirs; they do not count.
    public private(set) var unverifiedApprovals: [Approval] = []

    public var shortID: String { commit.abbreviated() }

    public func isAuthor(_ identity: Identity) -> Bool { changeAuthors.contains { $0.isSamePerson(as: identity) } }

    /// Whether an approval is its author's own: by identity (after `.mailmap`) or, for a
    /// platform's review, by login against the request's author and its commits' authors and committers.
    func isSelfApproval(_ approval: Approval) -> Bool {
        if isAuthor(approval.identity) { return true }
        guard let login = approval.login, let review, approval.source.isPlatform else { return false }
        let logins = review.authorLogins
        // GitLab links commits to no account: their authors are known by name.
        return logins.contains(login.lowercased()) || (approval.source == .gitlab && logins.contains(approval.identity.name.lowercased()))
    }

    /// Works out, once, who wrote the change and whose approvals count.
    mutating func judgeApprovals(requireSigned: Bool = false) {
        changeAuthors = (mergedAuthors.isEmpty ? [author.identity] : mergedAuthors) + coAuthors
        independentApprovals = []
        selfApprovals = []
        independentApprovers = []
        unverifiedApprovals = []
        for approval in approvals where approval.kind.counts && approval.standing == .counts {
            if isSelfApproval(approval) {
                selfApprovals.append(approval)
            } else if requireSigned && approval.signature?.status != .good {
                unverifiedApprovals.append(approval)
            } else {
                independentApprovals.append(approval)
                if !independentApprovers.contains(where: { $0.isSamePerson(as: approval.identity) }) { independentApprovers.append(approval.identity) }
            }
        }
    }
}

/// A rule's verdict on one change.
public struct ChangeException: Sendable, Hashable {
    public var rule: RuleDescription
    public var message: String
}

import Foundation
/// The kind of signature on a commit, told by the armor of its `gpgsig` header. Vouch does not
/// verify signatures (that needs the signers' keys and a trust policy); it records what is there.
public enum SignatureKind: String, Sendable, Hashable, CaseIterable {
    case gpg, ssh, x509
    /// A signature header whose armor Vouch does not recognise.
    case unknown

    public init?(header: String?) {
        guard let header, !header.isEmpty else { return nil }
        if header.contains("-----BEGIN PGP SIGNATURE-----") {
            self = .gpg
        } else if header.contains("-----BEGIN SSH SIGNATURE-----") {
            self = .ssh
        } else if header.contains("-----BEGIN SIGNED MESSAGE-----") || header.contains("-----BEGIN PKCS7-----") {
            self = .x509
        } else {
            self = .unknown
        }
    }
}

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
    public var signature: SignatureKind?
    /// For a merge: the authors of the merged branches' tips (second and later parents), who
    /// stand for the change's authors; the merge commit's author is whoever pressed the button.
    public var mergedAuthors: [Identity]
    /// Approvals from notes, before mailmap.
    public var noteApprovals: [Approval]
    /// Paths the change touches, compared with its first parent: every path in scope, or with
    /// `pathsListed` false only the sensitive ones (the whole-repository scope without `--list-paths`).
    public var paths: [String]
    public var pathsListed: Bool

    public init(commit: ObjectID, parents: [ObjectID], author: GitSignature, committer: GitSignature, rawMessage: [UInt8], messageEncoding: String?,
                signature: SignatureKind?, mergedAuthors: [Identity], noteApprovals: [Approval], paths: [String], pathsListed: Bool = true) {
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
    public var signature: SignatureKind?
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
    /// Who wrote the change: its author and co-authors, or for a merge the merged tips' authors.
    public private(set) var changeAuthors: [Identity] = []
    /// Approvals that count towards `required_approvals`: by someone other than the authors.
    public private(set) var independentApprovals: [Approval] = []
    /// The distinct people behind the independent approvals.
    public private(set) var independentApprovers: [Identity] = []
    /// Approvals given by one of the change's own authors.
    public private(set) var selfApprovals: [Approval] = []

    public var shortID: String { commit.abbreviated() }

    public func isAuthor(_ identity: Identity) -> Bool { changeAuthors.contains { $0.isSamePerson(as: identity) } }

    /// Works out, once, who wrote the change and whose approvals count.
    mutating func judgeApprovals() {
        changeAuthors = (mergedAuthors.isEmpty ? [author.identity] : mergedAuthors) + coAuthors
        independentApprovals = []
        selfApprovals = []
        independentApprovers = []
        for approval in approvals where approval.kind.counts {
            if isAuthor(approval.identity) {
                selfApprovals.append(approval)
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

/// Turns facts into records: resolves identities, finds the mechanism and approvals, marks
/// sensitive paths and bots, then runs every change rule.
public struct ChangeAnalyzer: Sendable {
    public var context: ChangeRuleContext
    public var sensitivePaths: PathPatternSet
    public var bots: BotAccounts
    /// `.mailmap` at the branch tip, if it has one.
    public var mailmap: Mailmap?
    /// Whether records keep every trailer of their message (`vouch evidence --list-trailers`).
    public var listsTrailers = false

    public init(context: ChangeRuleContext, sensitivePaths: PathPatternSet, bots: BotAccounts, mailmap: Mailmap?) {
        self.context = context
        self.sensitivePaths = sensitivePaths
        self.bots = bots
        self.mailmap = mailmap
    }

    func resolve(_ identity: Identity) -> Identity { mailmap?.resolve(identity) ?? identity }

    public func record(_ facts: ChangeFacts) -> ChangeRecord { record(facts, withMessages: true) }

    /// Without messages, each exception names its rule alone (for records reduced to their
    /// JSON, which lists rule ids): writing the messages cost as much as finding the exceptions.
    func record(_ facts: ChangeFacts, withMessages: Bool) -> ChangeRecord {
        let message = facts.message
        let evidence = MessageEvidence(message, parentCount: facts.parents.count)
        var approvals = (evidence.approvals + facts.noteApprovals).map { approval in
            var resolved = approval
            resolved.identity = resolve(approval.identity)
            return resolved
        }
        approvals = Self.distinct(approvals)
        let mechanism: ReviewMechanism
        if let platform = evidence.platform {
            mechanism = platform
        } else if facts.noteApprovals.contains(where: { $0.reference == NoteApprovals.gerritReference }) {
            mechanism = .gerrit
        } else if approvals.contains(where: { $0.source != .note }) {
            mechanism = .trailers
        } else if !approvals.isEmpty {
            mechanism = .notes
        } else {
            mechanism = facts.parents.count > 1 ? .merge : .direct
        }
        let author = RecordedPerson(raw: facts.author.identity, identity: resolve(facts.author.identity))
        var record = ChangeRecord(
            commit: facts.commit, parents: facts.parents,
            landedAt: Timestamp(facts.committer), authoredAt: Timestamp(facts.author),
            subject: message.subject,
            author: author,
            committer: RecordedPerson(raw: facts.committer.identity, identity: resolve(facts.committer.identity)),
            coAuthors: evidence.coAuthors.map(resolve),
            mergedAuthors: facts.mergedAuthors.map(resolve),
            mechanism: mechanism, reviewReference: evidence.reviewReference,
            approvals: approvals, signature: facts.signature,
            paths: facts.pathsListed ? facts.paths : nil, sensitivePaths: facts.paths.filter(sensitivePaths.matches),
            emergency: evidence.emergency,
            isBot: bots.contains(author.raw) || (author.identity != author.raw && bots.contains(author.identity)))
        if listsTrailers { record.trailers = message.trailers }
        record.judgeApprovals()
        record.exceptions = Self.exceptions(of: record, context: context, withMessages: withMessages)
        return record
    }

    /// Every change rule's verdict. A function of its own so that the record is lent to the
    /// rules, not copied for them.
    private static func exceptions(of record: borrowing ChangeRecord, context: ChangeRuleContext, withMessages: Bool) -> [ChangeException] {
        var exceptions: [ChangeException] = []
        for rule in ChangeRules.all where rule.applies(to: record, context) {
            exceptions.append(ChangeException(rule: rule.description, message: withMessages ? rule.message(record, context) : ""))
        }
        return exceptions
    }

    /// The same approval recorded twice in one place (a repeated trailer) is listed once.
    private static func distinct(_ approvals: [Approval]) -> [Approval] {
        guard approvals.count > 1 else { return approvals }
        var seen: Set<String> = []
        return approvals.filter { approval in
            seen.insert([approval.identity.name, approval.identity.email.lowercased(), approval.kind.rawValue, approval.source.rawValue, approval.reference ?? ""].joined(separator: "\u{0}")).inserted
        }
    }
}

/// Accounts of automation (dependency updaters, release bots): the configured patterns plus
/// GitHub's `name[bot]` convention. A pattern matches a name or an email, `*` and `?` allowed,
/// case ignored.
public struct BotAccounts: Sendable, Hashable {
    public static let builtIn = ["*[bot]", "*[bot]@*"]
    public let patterns: [String]
    /// The patterns in lower case, lowered once rather than for every change checked, each with
    /// its first literal byte: text without that byte cannot match, which rules out nearly every
    /// name at the cost of a `memchr` (see `matches`).
    private let lowercasedPatterns: [(pattern: [UInt8], firstLiteral: UInt8?)]

    public init(_ configured: [String]) {
        patterns = Self.builtIn + configured
        lowercasedPatterns = patterns.map { pattern in
            let lowered = Array(pattern.lowercased().utf8)
            return (lowered, lowered.first { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "?") })
        }
    }

    public func contains(_ identity: Identity) -> Bool { matches(identity.name) || matches(identity.email) }

    /// Whether ASCII `bytes` contain `literal` (a lower-case byte) in either case.
    private static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: UInt8?) -> Bool {
        guard let literal else { return true }
        guard !bytes.isEmpty else { return false }
        let upper = literal >= 0x61 && literal <= 0x7A ? literal - 0x20 : literal
        return memchr(bytes.baseAddress!, Int32(literal), bytes.count) != nil
            || (upper != literal && memchr(bytes.baseAddress!, Int32(upper), bytes.count) != nil)
    }

    public static func == (lhs: BotAccounts, rhs: BotAccounts) -> Bool { lhs.patterns == rhs.patterns }

    public func hash(into hasher: inout Hasher) { hasher.combine(patterns) }

    private func matches(_ text: String) -> Bool {
        // In ASCII text (names and emails nearly always are), a pattern's first literal can be
        // looked for in either case before anything is lowered: most texts stop here.
        let ruledOut = Text.withUTF8(text) { bytes in
            bytes.allSatisfy { $0 < 0x80 } && !lowercasedPatterns.contains { Self.mayContain(bytes, $0.firstLiteral) }
        }
        if ruledOut { return false }
        return Text.withLowercasedUTF8(text) { lowercased in
            lowercasedPatterns.contains { Wildcard.matches($0.pattern, lowercased) }
        }
    }
}

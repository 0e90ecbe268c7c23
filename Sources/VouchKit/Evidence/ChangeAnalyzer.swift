/// Turns facts into records: resolves identities, finds the mechanism and approvals, marks
/// sensitive paths and bots, then runs every change rule.
public struct ChangeAnalyzer: Sendable {
    public var context: ChangeRuleContext
    public var sensitivePaths: PathPatternSet
    public var bots: BotAccounts
    /// `.mailmap` at the branch tip, if it has one.
    public var mailmap: Mailmap?
    /// The keys signatures are verified against (commits and approvals).
    public var signatures = SignatureVerifier()
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
            // Verified as written, before .mailmap: the signature covers the identity in the note.
            if approval.signature == nil, let armor = approval.signatureArmor { resolved.signature = verify(armor, of: approval, on: facts.commit, landedAt: Timestamp(facts.committer)) }
            resolved.identity = resolve(approval.identity)
            return resolved
        }
        approvals = Self.distinct(approvals)
        let platform = PlatformEvidence(facts.platformNotes)
        var reviewReference = evidence.reviewReference
        var messagePlatform = evidence.platform
        if let review = platform.review {
            reviewReference = reviewReference ?? review.platform.reference(review.number)
            messagePlatform = messagePlatform ?? (review.platform == .gitlab ? .gitlab : facts.parents.count > 1 ? .githubMerge : .githubSquash)
        } else if let unclaimed = messagePlatform, platform.unclaimed.contains(where: { $0.covers(unclaimed) }) {
            // The platform was asked: no merged request landed this change, whatever its message says.
            messagePlatform = nil
            reviewReference = nil
        }
        let mechanism: ReviewMechanism
        if let platform = messagePlatform {
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
            mechanism: mechanism, reviewReference: reviewReference,
            approvals: approvals, signature: facts.signature.map { verify($0, at: Timestamp(facts.committer)) },
            paths: facts.pathsListed ? facts.paths : nil, sensitivePaths: facts.paths.filter(sensitivePaths.matches),
            emergency: evidence.emergency,
            isBot: bots.contains(author.raw) || (author.identity != author.raw && bots.contains(author.identity)))
        if listsTrailers { record.trailers = message.trailers }
        record.review = platform.review
        record.unmatchedRequests = platform.unmatched
        record.judgeApprovals(requireSigned: context.requireSignedApprovals)
        record.exceptions = Self.exceptions(of: record, context: context, withMessages: withMessages)
        return record
    }

    /// A commit signature's verdict, judged in git's namespace at the committer time.
    private func verify(_ signature: CommitSignature, at time: Timestamp) -> SignatureCheck {
        switch signature {
        case .checked(let check):
            return check
        case .signed(let format, let bytes, let payload):
            return signatures.verify(format: format, signature: bytes, payload: payload, context: SignatureContext(namespace: SignatureContext.commitNamespace, time: time))
        }
    }

    /// An approval signature's verdict: made in namespace `vouch-approval` over the approval's
    /// statement (this commit, this kind, this identity), by an allowed signer whose principals
    /// match the approver's email, valid when the approval was recorded.
    private func verify(_ armor: String, of approval: Approval, on commit: ObjectID, landedAt: Timestamp) -> SignatureCheck {
        let statement = ApprovalStatement(commit: commit, kind: approval.kind, approver: approval.identity)
        let context = SignatureContext(namespace: SignatureContext.approvalNamespace, time: approval.recordedAt ?? landedAt, principal: approval.identity.email)
        return signatures.verify(format: SignatureFormat(armor: armor) ?? .unknown, signature: Array(armor.utf8), payload: statement.bytes, context: context)
    }

    /// Every change rule's verdict. A function of its own so that the record is lent to the
    /// rules, not copied for them.
    private static func exceptions(of record: borrowing ChangeRecord, context: ChangeRuleContext, withMessages: Bool) -> [ChangeException] {
        var exceptions: [ChangeException] = []
        for rule in RuleRegistry.changeRules where rule.applies(to: record, context) {
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

/// What the platform paragraphs of a change's notes say: the request that landed it, the
/// platforms that know of none, and requests merged here that landed elsewhere.
struct PlatformEvidence {
    var review: PlatformReviewNote?
    var unclaimed: [ReviewPlatform] = []
    var unmatched: [String] = []

    init(_ notes: [PlatformNote]) {
        for note in notes {
            switch note {
            case .review(let found): if review == nil { review = found }
            case .unclaimed(let platform): unclaimed.append(platform)
            case .unmatched(_, let lines): unmatched += lines
            }
        }
    }
}

extension ReviewPlatform {
    /// Whether the platform would have landed a change of this mechanism.
    func covers(_ mechanism: ReviewMechanism) -> Bool {
        switch self {
        case .github: mechanism == .githubMerge || mechanism == .githubSquash
        case .gitlab: mechanism == .gitlab
        }
    }
}

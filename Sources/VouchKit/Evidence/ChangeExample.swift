/// A change written out for a rule's documentation and tests: the message (with its
/// trailers), who wrote it, its notes, signature and paths, and the settings that apply.
public struct ChangeExample: Sendable, Hashable {
    /// A note on the change: its text, and how many days after landing it was recorded.
    public struct Note: Sendable, Hashable {
        public var text: String
        public var reference: String
        public var daysAfterLanding: Int

        public init(text: String, reference: String = NoteApprovals.vouchReference, daysAfterLanding: Int = 1) {
            self.text = text
            self.reference = reference
            self.daysAfterLanding = daysAfterLanding
        }
    }

    public var message: String
    /// `Name <email>` of the commit's author.
    public var author: String
    /// For a merge: `Name <email>` of the merged branch tip's author; nil for an ordinary commit.
    public var mergedAuthor: String?
    public var notes: [Note]
    /// The signature's verdict (examples carry no real signature to verify).
    public var signature: SignatureCheck?
    public var paths: [String]
    public var requiredApprovals: Int
    public var requireSigned: Bool
    /// The verdict on the signature of every note approval (nil: unsigned), and `require_signed_approvals`.
    public var approvalSignature: SignatureCheck?
    public var requireSignedApprovals: Bool
    public var bots: [String]
    /// How long ago the change landed when the rules run.
    public var daysSinceLanding: Int

    public init(message: String, author: String = "Alice Example <alice@example.com>", mergedAuthor: String? = nil, notes: [Note] = [],
                signature: SignatureCheck? = nil, paths: [String] = ["src/billing/rounding.swift"], requiredApprovals: Int = 1,
                requireSigned: Bool = false, approvalSignature: SignatureCheck? = nil, requireSignedApprovals: Bool = false,
                bots: [String] = [], daysSinceLanding: Int = 30) {
        self.message = message
        self.author = author
        self.mergedAuthor = mergedAuthor
        self.notes = notes
        self.signature = signature
        self.paths = paths
        self.requiredApprovals = requiredApprovals
        self.requireSigned = requireSigned
        self.approvalSignature = approvalSignature
        self.requireSignedApprovals = requireSignedApprovals
        self.bots = bots
        self.daysSinceLanding = daysSinceLanding
    }

    /// An SSH signature's verdict for an example, with a key fingerprint as ssh-keygen prints it.
    public static func ssh(_ status: SignatureStatus, signer: String? = "alice@example.com") -> SignatureCheck {
        SignatureCheck(format: .ssh, status: status, signer: status == .good || status == .expired ? signer : nil,
                       key: "SHA256:kR0bXJ0nA5ZLr4TrCD7tMOZ1b0Jc5S2d3m2k8fN0xYs")
    }

    /// When every example lands: 2026-03-02T10:00:00Z.
    public static let landedAt = Timestamp(seconds: 1_772_445_600)

    public var settings: ChangeManagementSettings {
        var settings = ChangeManagementSettings(location: SourceLocation(file: Configuration.fileName))
        settings.requiredApprovals = requiredApprovals
        settings.requireSigned = requireSigned
        settings.requireSignedApprovals = requireSignedApprovals
        settings.bots = bots
        return settings
    }

    /// The record the real analyzer makes of this example.
    public func record() -> ChangeRecord {
        let day = Timestamp.secondsPerDay
        let context = ChangeRuleContext(branch: "main", settings: settings, now: Timestamp(seconds: Self.landedAt.seconds + Int64(daysSinceLanding) * day))
        let analyzer = ChangeAnalyzer(
            context: context,
            sensitivePaths: PathPatternSet(ChangeSensitivePathRule.builtInPaths(programPrefix: "") + settings.sensitivePaths),
            bots: BotAccounts(bots), mailmap: nil)
        let person = Identity(lenient: author)
        let stamp = GitSignature(name: person.name, email: person.email, time: Self.landedAt.seconds, offsetMinutes: 0)
        let isMerge = mergedAuthor != nil
        // Each note read as the evidence reads it, split once; `vouch approve`'s approvals carry the example's signature verdict.
        var notes = HistoryReader.read(self.notes.map { note in
            NoteText(reference: note.reference, text: Array(note.text.utf8),
                     recordedTimes: RecordedTimes(all: Timestamp(seconds: Self.landedAt.seconds + Int64(note.daysAfterLanding) * day)))
        })
        for index in notes.approvals.indices where notes.approvals[index].source == .note { notes.approvals[index].signature = approvalSignature }
        let facts = ChangeFacts(
            commit: ObjectID(hex: String(repeating: "c0ffee12", count: 5))!,
            parents: [ObjectID(hex: String(repeating: "ab", count: 20))!] + (isMerge ? [ObjectID(hex: String(repeating: "cd", count: 20))!] : []),
            author: stamp, committer: stamp,
            rawMessage: Array(message.utf8), messageEncoding: nil, signature: signature.map(CommitSignature.checked),
            mergedAuthors: mergedAuthor.map { [Identity(lenient: $0)] } ?? [],
            noteApprovals: notes.approvals,
            paths: paths,
            platformNotes: notes.platformNotes)
        return analyzer.record(facts)
    }
}

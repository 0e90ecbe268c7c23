/// What an approver said about a change.
public enum ApprovalKind: String, Sendable, Hashable, CaseIterable {
    case reviewed, approved, acked, tested

    /// Whether this kind counts towards `required_approvals`. Testing a change is not approving it.
    public var counts: Bool { self != .tested }

    /// The kind a trailer key records (`Reviewed-by`, `Acked-by`, …); nil for other keys.
    /// `Signed-off-by` certifies the origin of a patch, not a review, so it is not one.
    public init?(trailerKey key: String) {
        if let kind = Self.allCases.first(where: { Text.equalIgnoringCase($0.trailerKey, key) }) {
            self = kind
            return
        }
        // Outside ASCII, lowering in full maps a few letters to ASCII ones (the Kelvin sign to k).
        guard !key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lowercased = key.lowercased()
        guard let kind = Self.allCases.first(where: { $0.trailerKey.lowercased() == lowercased }) else { return nil }
        self = kind
    }

    /// The trailer key that records this kind.
    public var trailerKey: String {
        switch self {
        case .reviewed: "Reviewed-by"
        case .approved: "Approved-by"
        case .acked: "Acked-by"
        case .tested: "Tested-by"
        }
    }
}

/// Where in git an approval was found.
public enum ApprovalSource: String, Sendable, Hashable, CaseIterable {
    /// A trailer of the commit message (`Reviewed-by:`, `Approved-by:`, …).
    case trailer
    /// A git note on `refs/notes/vouch` (`vouch approve`) or Gerrit's `refs/notes/review`.
    case note
    /// A field in the message body outside the trailer block (Phabricator's `Reviewed By:`).
    case message
    /// A GitHub pull request review, recorded in a note by `vouch github record|import`.
    case github
    /// A GitLab merge request approval, recorded in a note by `vouch gitlab record|import`.
    case gitlab

    /// Whether the approval was given on a review platform (and recorded from it).
    public var isPlatform: Bool { self == .github || self == .gitlab }
}

/// One recorded approval of a change.
public struct Approval: Sendable, Hashable {
    /// The approver, after `.mailmap`.
    public var identity: Identity
    public var kind: ApprovalKind
    public var source: ApprovalSource
    /// For notes: the notes reference; for a platform's review: the review's URL.
    public var reference: String?
    /// For notes on `refs/notes/vouch`: when the notes commit that first carried it was written;
    /// for a platform's review: when it was submitted.
    public var recordedAt: Timestamp?
    /// For a platform's review: the reviewer's login.
    public var login: String?
    /// For a platform's review: whether it counts (on the head, before the merge).
    public var standing: ApprovalStanding = .counts
    /// The armored signature stored beside it (`Approval-signature:`, written by `vouch approve --sign`).
    public var signatureArmor: String?
    /// The signature's verdict, once the change analyzer verified it.
    public var signature: SignatureCheck?

    public init(identity: Identity, kind: ApprovalKind, source: ApprovalSource, reference: String? = nil, recordedAt: Timestamp? = nil, signatureArmor: String? = nil) {
        self.identity = identity
        self.kind = kind
        self.source = source
        self.reference = reference
        self.recordedAt = recordedAt
        self.signatureArmor = signatureArmor
    }

    /// Whether it was given before the change landed: in the message, or on the platform before the merge.
    public var precedesLanding: Bool { source != .note && standing != .afterMerge }
}

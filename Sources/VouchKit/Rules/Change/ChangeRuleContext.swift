/// The settings and the instant change rules judge by.
public struct ChangeRuleContext: Sendable {
    public var branch: String
    public var requiredApprovals: Int
    public var requireSigned: Bool
    /// Approvals count only when their signature verifies (`require_signed_approvals`).
    public var requireSignedApprovals: Bool
    public var emergencyReviewDays: Int
    /// When the evidence is produced: an emergency change's follow-up is only late once its
    /// window has passed.
    public var now: Timestamp

    public init(branch: String, settings: ChangeManagementSettings, now: Timestamp) {
        self.branch = branch
        requiredApprovals = settings.requiredApprovals
        requireSigned = settings.requireSigned
        requireSignedApprovals = settings.requireSignedApprovals
        emergencyReviewDays = settings.emergencyReviewDays
        self.now = now
    }
}

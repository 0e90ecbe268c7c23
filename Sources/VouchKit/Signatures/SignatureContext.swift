/// What a signature is checked for: the purpose it must have been made for (SSH's namespace:
/// `git` for commits, `vouch-approval` for approvals), the time its key must have been valid at
/// (the committer time, as git judges), and for approvals the email the signer must be.
public struct SignatureContext: Sendable, Hashable {
    public static let commitNamespace = "git"
    public static let approvalNamespace = "vouch-approval"

    public var namespace: String
    public var time: Timestamp
    /// When set, only allowed signers whose principals match it count (`ssh-keygen -Y verify -I`).
    public var principal: String?

    public init(namespace: String, time: Timestamp, principal: String? = nil) {
        self.namespace = namespace
        self.time = time
        self.principal = principal
    }
}

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

/// A program file whose changes need the approval of named people: a policy, an accepted risk.
struct ApprovalSubject: Sendable {
    var id: String
    /// The file's path in the repository.
    var path: String
    var approvers: [Identity]
}

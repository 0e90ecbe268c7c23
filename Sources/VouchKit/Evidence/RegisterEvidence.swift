/// What the register rules read from git beside the files: acknowledgements of the policies'
/// current versions, who approved the latest change to each accepted risk, and the mailmap that
/// names people by their canonical identity.
public struct RegisterEvidence: Sendable {
    /// By policy id.
    public var acknowledgements: [String: [PolicyAcknowledgement]]
    /// By risk id, for accepted risks with `accepted_by`.
    public var riskApprovals: [String: PolicyApprovalRecord]
    public var mailmap: Mailmap?
    /// By run record path: who approved the latest change to each record that names a reviewer.
    public var runSignoffs: [String: PolicyApprovalRecord]

    public init(acknowledgements: [String: [PolicyAcknowledgement]], riskApprovals: [String: PolicyApprovalRecord], mailmap: Mailmap?, runSignoffs: [String: PolicyApprovalRecord] = [:]) {
        self.acknowledgements = acknowledgements
        self.riskApprovals = riskApprovals
        self.mailmap = mailmap
        self.runSignoffs = runSignoffs
    }

    public func canonical(_ identity: Identity) -> Identity { mailmap?.resolve(identity) ?? identity }

    /// Reads it all for a program in a repository, given the policies' approval history.
    public static func read(program: Program, repository: Repository, programPrefix: String, policyHistory: [String: PolicyApprovalRecord], tip: ObjectID? = nil) throws -> RegisterEvidence {
        let riskApprovals = try RiskAcceptanceHistory.read(program: program, repository: repository, programPrefix: programPrefix, tip: tip) ?? [:]
        let runSignoffs = try RunSignoffHistory.read(program: program, repository: repository, programPrefix: programPrefix, tip: tip) ?? [:]
        do {
            let settings = program.configuration.changeManagement
            let branchTip = try tip ?? BranchTip.commit(named: settings.branch, in: repository)
            var acknowledgements: [String: [PolicyAcknowledgement]] = [:]
            if program.people != nil {
                // Signed acknowledgements are judged against the keys at the branch tip, as approvals are.
                let keysNamed = settings.allowedSigners != nil || settings.keyring != nil
                let verifier = keysNamed ? try SignatureKeys.read(settings, at: branchTip, in: repository).verifier : nil
                acknowledgements = try PolicyAcknowledgements.read(history: policyHistory, repository: repository, verifier: verifier)
            }
            let mailmap = try branchTip.flatMap { try repository.mailmapBlob(at: $0) }.map { try Mailmap(contents: repository.blob($0)) }
            return RegisterEvidence(acknowledgements: acknowledgements, riskApprovals: riskApprovals, mailmap: mailmap, runSignoffs: runSignoffs)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }
}

/// Reads the acknowledgements of each policy's current version: the `Acknowledged:` lines of the
/// note on the commit that last changed the policy file.
public enum PolicyAcknowledgements {
    /// Acknowledgements by policy id, for the policies `history` knows; an acknowledgement of an
    /// older version sits on an older commit and is not read. With a `verifier`, each signed
    /// acknowledgement gets its verdict (`signature`).
    public static func read(history: [String: PolicyApprovalRecord], repository: Repository, verifier: SignatureVerifier? = nil) throws -> [String: [PolicyAcknowledgement]] {
        var acknowledgements: [String: [PolicyAcknowledgement]] = [:]
        do {
            for (policyID, record) in history {
                guard let commit = ObjectID(hex: record.lastChange.commit),
                      let note = try repository.note(NoteApprovals.vouchReference, for: commit) else { continue }
                var found = PolicyAcknowledgement.parse(note: note).filter { $0.policyID == policyID }
                if let verifier {
                    for index in found.indices where found[index].signatureArmor != nil {
                        found[index].signature = AcknowledgementStatement(found[index]).verify(with: verifier)
                    }
                }
                acknowledgements[policyID] = found
            }
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
        return acknowledgements
    }
}

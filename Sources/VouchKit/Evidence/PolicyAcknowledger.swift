/// Records and lists a person's acknowledgements of the policies' current versions, as
/// `vouch acknowledge` does: one `Acknowledged:` line in the note on `refs/notes/vouch` of the
/// commit that last changed the policy file.
public struct PolicyAcknowledger {
    /// What acknowledging one policy did.
    public enum Outcome: Sendable, Hashable {
        case recorded(PolicyAcknowledgement, commit: String)
        case alreadyRecorded(PolicyAcknowledgement, commit: String)
    }

    /// A policy the person still owes an acknowledgement of: its current version and the day it was due.
    public struct Pending: Sendable, Hashable {
        public var policyID: String
        public var commit: String
        public var due: CalendarDate
    }

    public let program: Program
    public let history: [String: PolicyApprovalRecord]
    public let repository: Repository
    public let programPrefix: String

    public init(program: Program, history: [String: PolicyApprovalRecord], repository: Repository, programPrefix: String) {
        self.program = program
        self.history = history
        self.repository = repository
        self.programPrefix = programPrefix
    }

    /// Acknowledges each policy's current version as `person` on `date`; throws before writing
    /// anything when a policy id is unknown or has no committed version. With `sign`, each
    /// acknowledgement is signed (it returns the armor of the statement's bytes), and one recorded
    /// unsigned before is recorded again, signed.
    public func acknowledge(_ policyIDs: [String], by person: Identity, on date: CalendarDate, sign: ((AcknowledgementStatement) throws -> String)? = nil) throws -> [Outcome] {
        let versions = try policyIDs.map { try currentVersion(of: $0) }
        var outcomes: [Outcome] = []
        for (policyID, version) in zip(policyIDs, versions) {
            var acknowledgement = PolicyAcknowledgement(policyID: policyID, blob: version.blob.description, date: date, person: person)
            do {
                let existing = try repository.note(NoteApprovals.vouchReference, for: version.commit) ?? ""
                if PolicyAcknowledgement.parse(note: existing).contains(where: {
                    $0.policyID == policyID && $0.blob == acknowledgement.blob && $0.person.isSamePerson(as: person) && (sign == nil || $0.signatureArmor != nil)
                }) {
                    outcomes.append(.alreadyRecorded(acknowledgement, commit: version.commit.description))
                    continue
                }
                if let sign { acknowledgement.signatureArmor = try sign(AcknowledgementStatement(acknowledgement)) }
                let trimmed = existing.trimmingCharacters(in: .whitespacesAndNewlines)
                // Acknowledgements stay one block, apart from any approval trailers on the same commit.
                let lastParagraph = trimmed.components(separatedBy: "\n\n").last ?? ""
                let separator = trimmed.isEmpty ? "" : PolicyAcknowledgement.parse(note: lastParagraph).isEmpty ? "\n\n" : "\n"
                let text = trimmed + separator + AcknowledgementStatement(acknowledgement).noteLines
                _ = try repository.writeNote(NoteApprovals.vouchReference, for: version.commit, text: text, by: person)
            } catch let error as GitError {
                throw EvidenceError.git(error)
            }
            outcomes.append(.recorded(acknowledgement, commit: version.commit.description))
        }
        return outcomes
    }

    /// The policies the roster requires of `person` whose current version they have not acknowledged.
    /// With `signedOnly` (require_signed_approvals), only acknowledgements whose signature is
    /// good count.
    public func pending(for person: Identity, acknowledgements: [String: [PolicyAcknowledgement]], withinDays: Int, signedOnly: Bool = false) -> [Pending] {
        guard let row = program.people?.first(where: { $0.matches(person) }), let start = row.start?.value else { return [] }
        let required = program.policies.map(\.id.value).filter { !$0.isEmpty && row.requires($0) }
        return required.compactMap { policyID in
            guard let record = history[policyID] else { return nil }
            let done = acknowledgements[policyID]?.contains { row.matches($0.person) && (!signedOnly || $0.signature?.status == .good) } ?? false
            guard !done else { return nil }
            return Pending(policyID: policyID, commit: record.lastChange.commit, due: max(start, record.lastChange.date).adding(days: withinDays))
        }
    }

    /// The commit that last changed the policy file, and the file's blob there.
    private func currentVersion(of policyID: String) throws -> (commit: ObjectID, blob: ObjectID) {
        guard let policy = program.policies.first(where: { $0.id.value == policyID }) else {
            throw EvidenceError.unknownPolicy(policyID, known: program.policies.map(\.id.value).filter { !$0.isEmpty }.sorted())
        }
        guard let record = history[policyID], let commit = ObjectID(hex: record.lastChange.commit) else {
            throw EvidenceError.policyUncommitted(policyID, path: programPrefix + policy.file)
        }
        do {
            let tree = try repository.tree(repository.commit(commit).treeID)
            guard let entry = try repository.entry(atPath: record.path, in: tree) else {
                throw EvidenceError.policyUncommitted(policyID, path: record.path)
            }
            return (commit, entry.id)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }
}

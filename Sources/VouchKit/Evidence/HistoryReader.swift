/// Reads the facts of changes from a repository: commits, their notes, the merged branches'
/// authors and the paths they touch. Shared by the change population, policy approval history
/// and `vouch approve`, so all three see a change the same way.
public final class HistoryReader {
    public let repository: Repository
    private let notes: [NoteIndex]
    /// When each approval on refs/notes/vouch was first recorded, read on first need.
    private var recordedTimes: [ObjectID: [String: Timestamp]]?

    public init(repository: Repository) throws {
        self.repository = repository
        notes = [try repository.noteIndex(NoteApprovals.vouchReference), try repository.noteIndex(NoteApprovals.gerritReference)]
    }

    /// The notes tips read, for the evidence's metadata.
    public var noteReferences: [(reference: String, tip: ObjectID?)] { notes.map { ($0.reference, $0.tip) } }

    /// The facts of `commit`, with `paths` already compared against its first parent.
    public func facts(of commit: Commit, paths: [String], pathsListed: Bool = true) throws -> ChangeFacts {
        let id = commit.id
        let parents = commit.parentIDs
        let mergedAuthors = try parents.dropFirst().map { try repository.commit($0).author.identity }
        return ChangeFacts(
            commit: id, parents: parents,
            author: commit.author, committer: commit.committer,
            rawMessage: commit.rawMessage, messageEncoding: commit.messageEncoding,
            signature: SignatureKind(header: commit.signatureArmor),
            mergedAuthors: mergedAuthors,
            noteApprovals: try noteApprovals(for: id),
            paths: paths, pathsListed: pathsListed)
    }

    /// Approvals in the notes on `commit`, with the time each `refs/notes/vouch` approval was recorded.
    public func noteApprovals(for commit: ObjectID) throws -> [Approval] {
        var approvals: [Approval] = []
        for index in notes {
            guard let blob = index.blobs[commit] else { continue }
            let text = String(decoding: try repository.blob(blob), as: UTF8.self)
            var parsed = NoteApprovals.parse(text, reference: index.reference)
            if index.reference == NoteApprovals.vouchReference {
                let times = try recordedTimes(for: commit)
                for position in parsed.indices { parsed[position].recordedAt = times[Self.key(parsed[position])] }
            }
            approvals += parsed
        }
        return approvals
    }

    private static func key(_ approval: Approval) -> String {
        approval.identity.email.lowercased() + "\u{0}" + approval.identity.name + "\u{0}" + approval.kind.rawValue
    }

    /// Replays the history of refs/notes/vouch once: the first notes commit whose note for an
    /// object carries an approval is when that approval was recorded.
    private func recordedTimes(for commit: ObjectID) throws -> [String: Timestamp] {
        if recordedTimes == nil {
            var times: [ObjectID: [String: Timestamp]] = [:]
            for version in try repository.noteHistory(NoteApprovals.vouchReference) {
                let text = String(decoding: try repository.blob(version.blob), as: UTF8.self)
                for approval in NoteApprovals.parse(text, reference: NoteApprovals.vouchReference) where times[version.object]?[Self.key(approval)] == nil {
                    times[version.object, default: [:]][Self.key(approval)] = Timestamp(version.recorded)
                }
            }
            recordedTimes = times
        }
        return recordedTimes?[commit] ?? [:]
    }
}

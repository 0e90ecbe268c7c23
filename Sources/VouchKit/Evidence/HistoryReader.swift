/// Reads the facts of changes from a repository: commits, their notes, the merged branches'
/// authors and the paths they touch. Shared by the change population, policy approval history
/// and `vouch approve`, so all three see a change the same way.
public final class HistoryReader {
    public let repository: Repository
    /// The notes references read, each at the commit it pointed at when the reader was made.
    public let noteReferences: [(reference: String, tip: ObjectID?)]
    /// Each reference's notes as of that commit, listed on first need (by the thread that
    /// reads the evidence, while another one already walks the commits).
    private var noteIndexes: [NoteIndex]?
    /// When each approval on refs/notes/vouch was first recorded, read on first need.
    private var recordedTimes: [ObjectID: RecordedTimes]?
    /// The current notes on refs/notes/vouch as the replay read them (blob → text), so a walk
    /// does not read them a second time.
    private var replayedNotes: [ObjectID: [UInt8]] = [:]

    public convenience init(repository: Repository) throws {
        self.init(repository: repository, noteReferences: try Self.noteReferences(in: repository))
    }

    /// A reader of the notes as they were when `noteReferences` was read (a walk's stage reads
    /// the notes its metadata names, through a repository handle of its own).
    init(repository: Repository, noteReferences: [(reference: String, tip: ObjectID?)]) {
        self.repository = repository
        self.noteReferences = noteReferences
    }

    /// The notes references a reader reads, each with the commit it points at now.
    static func noteReferences(in repository: Repository) throws -> [(reference: String, tip: ObjectID?)] {
        try [NoteApprovals.vouchReference, NoteApprovals.gerritReference].map { ($0, try repository.referenceTarget($0)) }
    }

    private var notes: [NoteIndex] {
        get throws {
            if let noteIndexes { return noteIndexes }
            let indexes = try noteReferences.map { try repository.noteIndex($0.reference, at: $0.tip) }
            noteIndexes = indexes
            return indexes
        }
    }

    /// The facts of `commit`, with `paths` already compared against its first parent.
    public func facts(of commit: Commit, paths: [String], pathsListed: Bool = true) throws -> ChangeFacts {
        ChangeFacts(try evidence(of: commit, mergedTips: mergedTips(of: commit), paths: paths), pathsListed: pathsListed)
    }

    /// For a merge, the merged branches' tips (second and later parents). Safe to call from
    /// another thread than the rest: it only reads objects.
    func mergedTips(of commit: Commit) throws -> [Commit] {
        try Self.mergedTips(of: commit, in: repository)
    }

    static func mergedTips(of commit: Commit, in repository: Repository) throws -> [Commit] {
        try commit.parentIDs.dropFirst().map { try repository.commit($0) }
    }

    /// What git holds about `commit` beyond the commit itself: the merged tips and the notes.
    /// Reads the repository; decoding it into `ChangeFacts` does not, so that part can run on
    /// other threads.
    func evidence(of commit: Commit, mergedTips: [Commit], paths: [String]) throws -> CommitEvidence {
        CommitEvidence(commit: commit, mergedTips: mergedTips, notes: try notes(on: commit.id), paths: paths)
    }

    /// Approvals in the notes on `commit`, with the time each `refs/notes/vouch` approval was recorded.
    public func noteApprovals(for commit: ObjectID) throws -> [Approval] {
        Self.read(try notes(on: commit)).approvals
    }

    /// The notes on `commit`, unparsed, with when each refs/notes/vouch approval on it was recorded.
    private func notes(on commit: ObjectID) throws -> [NoteText] {
        var texts: [NoteText] = []
        for index in try notes {
            guard let blob = index.blobs[commit] else { continue }
            let times = index.reference == NoteApprovals.vouchReference ? try recordedTimes(for: commit) : RecordedTimes()
            let text = try replayedNotes[blob] ?? repository.blob(blob)
            texts.append(NoteText(reference: index.reference, text: text, recordedTimes: times))
        }
        return texts
    }

    /// The approvals and the platform paragraphs (on refs/notes/vouch) of the notes, each
    /// note's text split once.
    static func read(_ notes: [NoteText]) -> (approvals: [Approval], platformNotes: [PlatformNote]) {
        var approvals: [Approval] = [], platformNotes: [PlatformNote] = []
        for note in notes {
            let (platform, plainText) = note.text.withUnsafeBufferPointer { PlatformNote.read($0) }
            approvals += NoteApprovals.parse(plainText: plainText, reference: note.reference).map { approval in
                var approval = approval
                approval.recordedAt = note.recordedTimes.time(of: key(approval))
                return approval
            }
            guard note.reference == NoteApprovals.vouchReference else { continue }
            for platformNote in platform {
                if case .review(let review) = platformNote { approvals += review.approvals }
            }
            platformNotes += platform
        }
        return (approvals, platformNotes)
    }

    private static func key(_ approval: Approval) -> String {
        approval.identity.email.lowercased() + "\u{0}" + approval.identity.name + "\u{0}" + approval.kind.rawValue
    }

    /// Replays the history of refs/notes/vouch once: the first notes commit whose note for an
    /// object carries an approval is when that approval was recorded. A note written once (most
    /// of them) needs no replay of its text: everything in it was recorded by that one commit.
    private func recordedTimes(for commit: ObjectID) throws -> RecordedTimes {
        if recordedTimes == nil {
            var times: [ObjectID: RecordedTimes] = [:]
            let current = try notes.first { $0.reference == NoteApprovals.vouchReference }?.blobs ?? [:]
            let tip = noteReferences.first { $0.reference == NoteApprovals.vouchReference }?.tip
            let versions = try repository.noteHistory(NoteApprovals.vouchReference, upTo: tip)
            var versionCounts: [ObjectID: Int] = [:]
            for version in versions { versionCounts[version.object, default: 0] += 1 }
            for version in versions {
                guard versionCounts[version.object]! > 1 else {
                    times[version.object] = RecordedTimes(all: Timestamp(version.recorded))
                    continue
                }
                let bytes = try repository.blob(version.blob)
                if current[version.object] == version.blob { replayedNotes[version.blob] = bytes }
                let text = String(decoding: bytes, as: UTF8.self)
                for approval in NoteApprovals.parse(text, reference: NoteApprovals.vouchReference) where times[version.object]?.byApproval[Self.key(approval)] == nil {
                    times[version.object, default: RecordedTimes()].byApproval[Self.key(approval)] = Timestamp(version.recorded)
                }
            }
            recordedTimes = times
        }
        return recordedTimes?[commit] ?? RecordedTimes()
    }
}

/// When the approvals of one note were first recorded: each by its own, or all at once (a note
/// written by a single notes commit).
struct RecordedTimes: Sendable {
    var byApproval: [String: Timestamp] = [:]
    var all: Timestamp?

    init(all: Timestamp? = nil) { self.all = all }

    func time(of key: String) -> Timestamp? { byApproval[key] ?? all }
}

/// A commit with the evidence read around it, before its facts are decoded.
struct CommitEvidence: Sendable {
    var commit: Commit
    /// For a merge, the merged branches' tips (second and later parents).
    var mergedTips: [Commit]
    var notes: [NoteText]
    var paths: [String]
}

/// A note's text as stored, and when each approval in it was first recorded (refs/notes/vouch).
struct NoteText: Sendable {
    var reference: String
    var text: [UInt8]
    var recordedTimes: RecordedTimes
}

extension ChangeFacts {
    /// Decodes the commit's people, message, signature and notes.
    init(_ evidence: borrowing CommitEvidence, pathsListed: Bool) {
        let commit = evidence.commit
        let notes = HistoryReader.read(evidence.notes)
        self.init(
            commit: commit.id, parents: commit.parentIDs,
            author: commit.author, committer: commit.committer,
            rawMessage: commit.rawMessage, messageEncoding: commit.messageEncoding,
            signature: CommitSignature(commit),
            mergedAuthors: evidence.mergedTips.map(\.author.identity),
            noteApprovals: notes.approvals,
            paths: evidence.paths, pathsListed: pathsListed,
            platformNotes: notes.platformNotes)
    }
}

/// Matches merged pull and merge requests to the first-parent changes that landed them and
/// records them in those changes' notes on `refs/notes/vouch`, all in one notes commit.
///
/// A request landed the change at its `merge_commit_sha` (or GitLab's `squash_commit_sha`) when
/// that commit is on the branch's first-parent line: a merge commit or a squash lands one
/// change; a rebase merge lands the run of first-parent commits ending there that are its
/// commits again (same author, author time and subject). A request whose commits are on the
/// line themselves (a fast-forward) landed those. Any other request is unmatched: it is noted
/// on the change that was the branch's latest when it merged (`change-review-unmatched`).
public final class PlatformImporter {
    /// What one run will write, and what it found.
    public struct Plan: Sendable {
        public var platform: ReviewPlatform
        /// The notes tip the plan was made from: the write happens only on top of it.
        public var notesTip: ObjectID?
        /// The full new text of each note that changes.
        public var texts: [ObjectID: String]
        public var requests = 0
        public var matched = 0
        /// Changes that got (or already had) a request's paragraph.
        public var landedChanges = 0
        public var unmatched: [MergedRequest] = []
        /// Requests into another branch than the one read.
        public var otherBranch = 0
        /// Changes whose message looks like the platform's but that no request landed.
        public var unclaimed: [ObjectID] = []
    }

    struct LineCommit {
        var id: ObjectID
        var parents: Int
        var landedAt: Int64
        var authorEmail: String
        var authoredAt: Int64
        var subject: String
        var mechanism: ReviewMechanism?
    }

    public let repository: Repository
    public let branch: String
    let line: [LineCommit]
    let position: [ObjectID: Int]

    /// Reads the first-parent line of `branch` (default: change_management.branch, else HEAD's).
    public init(repository: Repository, branch name: String?) throws {
        self.repository = repository
        do {
            try repository.refuseShallowClone()
            let (branch, _, tip) = try BranchTip.populationBranch(named: name, in: repository)
            self.branch = branch
            var line: [LineCommit] = []
            if let tip {
                let walk = try RevisionWalk(repository: repository, from: tip, firstParentOnly: true)
                while let id = try walk.next() {
                    let commit = try repository.commit(id)
                    let message = CommitMessage(raw: commit.rawMessage, encoding: commit.messageEncoding)
                    let author = commit.author
                    line.append(LineCommit(id: id, parents: commit.parentIDs.count, landedAt: commit.committerTime, authorEmail: author.email.lowercased(),
                                           authoredAt: author.time, subject: message.subject,
                                           mechanism: MessageEvidence(message, parentCount: commit.parentIDs.count).platform))
                }
            }
            self.line = line
            var position: [ObjectID: Int] = [:]
            for (index, commit) in line.enumerated() { position[commit.id] = index }
            self.position = position
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }

    /// The first-parent changes a request landed, newest first; empty when none is on the line.
    public func landed(_ request: MergedRequest) -> [ObjectID] {
        for sha in request.landedCommits {
            guard let id = ObjectID(hex: sha), let index = position[id] else { continue }
            let commit = line[index]
            guard commit.parents == 1, request.commits.count > 1 else { return [id] }
            // A rebase merge: the run of first-parent commits ending here that are the request's commits again.
            var keys = Set(request.commits.compactMap { commit in commit.authoredAt.map { "\(commit.authorEmail.lowercased())\u{0}\($0.seconds)\u{0}\(commit.subject)" } })
            var run: [ObjectID] = []
            var cursor = index
            while cursor < line.count, line[cursor].parents == 1,
                  keys.remove("\(line[cursor].authorEmail)\u{0}\(line[cursor].authoredAt)\u{0}\(line[cursor].subject)") != nil {
                run.append(line[cursor].id)
                cursor += 1
            }
            return run.isEmpty ? [id] : run
        }
        // A fast-forward (or a rebase that kept the commits): the request's own commits are on the line.
        return request.commits.compactMap { ObjectID(hex: $0.sha) }.filter { position[$0] != nil }
    }

    /// The change that was the branch's latest when `request` merged (where an unmatched request is noted).
    func latest(at time: Timestamp?) -> ObjectID? {
        guard let time else { return line.first?.id }
        return line.first { $0.landedAt <= time.seconds }?.id ?? line.last?.id
    }

    /// What recording `requests` changes. With `unclaimedWithin`, the first-parent changes landed
    /// in that span whose message looks like the platform's (`(#12)`, `Merge pull request #12`,
    /// `See merge request …!12`) but that no request landed are noted as direct pushes.
    public func plan(_ requests: [MergedRequest], platform: ReviewPlatform, unclaimedWithin span: ClosedRange<Int64>? = nil) throws -> Plan {
        let notesTip = try repository.referenceTarget(NoteApprovals.vouchReference)
        var plan = Plan(platform: platform, notesTip: notesTip, texts: [:])
        var added: [ObjectID: [PlatformNote]] = [:]
        var claimed: Set<ObjectID> = []
        var unmatched: [ObjectID: [String]] = [:]
        for request in requests.sorted(by: { $0.number < $1.number }) {
            if let base = request.base, base != branch {
                plan.otherBranch += 1
                continue
            }
            plan.requests += 1
            let changes = landed(request)
            guard !changes.isEmpty else {
                plan.unmatched.append(request)
                if let at = latest(at: request.mergedAt) {
                    unmatched[at, default: []].append("\(request.url) merged at \(request.mergedAt?.utcISO8601 ?? "unknown") as \(request.landedCommits.first ?? "unknown")")
                }
                continue
            }
            plan.matched += 1
            let note = PlatformNote.review(request.note)
            for change in changes where claimed.insert(change).inserted {
                added[change, default: []].append(note)
            }
        }
        for (change, lines) in unmatched { added[change, default: []].append(.unmatched(platform, lines)) }
        if let span {
            for commit in line where span.contains(commit.landedAt) && !claimed.contains(commit.id) {
                guard let mechanism = commit.mechanism, platform.covers(mechanism) else { continue }
                plan.unclaimed.append(commit.id)
                added[commit.id, default: []].append(.unclaimed(platform))
            }
        }
        plan.landedChanges = claimed.count
        let index = try repository.noteIndex(NoteApprovals.vouchReference, at: notesTip)
        for (change, notes) in added {
            let existing = try index.blobs[change].map { String(decoding: try repository.blob($0), as: UTF8.self) } ?? ""
            let text = Self.merged(existing, adding: notes)
            if text != existing { plan.texts[change] = text }
        }
        return plan
    }

    /// The first-parent changes landed in `span` whose message looks like the platform's but that
    /// none of `requests` landed: the commits to ask the platform about.
    public func unclaimed(by requests: [MergedRequest], platform: ReviewPlatform, within span: ClosedRange<Int64>?) -> [ObjectID] {
        let claimed = Set(requests.flatMap(landed))
        return line.filter { commit in
            guard !claimed.contains(commit.id), let mechanism = commit.mechanism, platform.covers(mechanism) else { return false }
            return span?.contains(commit.landedAt) ?? true
        }.map(\.id)
    }

    /// Writes a plan's notes in one notes commit; nil when there was nothing new.
    public func write(_ plan: Plan, by identity: Identity, message: String) throws -> ObjectID? {
        guard !plan.texts.isEmpty else { return nil }
        do {
            return try repository.writeNotes(NoteApprovals.vouchReference, plan.texts, expectedTip: plan.notesTip, message: message, by: identity)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }

    /// A note's text with the platform's paragraphs added: a request's paragraph replaces the
    /// earlier one of the same request (and a direct-push mark); unmatched requests join those
    /// already noted; a direct-push mark is not added beside a request. Other paragraphs (`vouch
    /// approve`'s) are kept as they are, in their place.
    public static func merged(_ existing: String, adding notes: [PlatformNote]) -> String {
        var paragraphs = PlatformNote.paragraphs(of: existing)
        for note in notes {
            switch note {
            case .review(let review):
                replace(in: &paragraphs, with: note) {
                    if case .review(let earlier) = $0 { return earlier.url == review.url }
                    if case .unclaimed(let platform) = $0 { return platform == review.platform }
                    return false
                }
            case .unclaimed(let platform):
                let covered = paragraphs.contains {
                    guard case .platform(let old) = $0 else { return false }
                    if case .review(let earlier) = old { return earlier.platform == platform }
                    if case .unclaimed(let other) = old { return other == platform }
                    return false
                }
                if !covered { paragraphs.append(.platform(note)) }
            case .unmatched(let platform, let lines):
                var all = lines
                for case .platform(.unmatched(let other, let earlier)) in paragraphs where other == platform { all += earlier }
                let union = Array(Set(all)).sorted()
                replace(in: &paragraphs, with: .unmatched(platform, union)) {
                    if case .unmatched(let other, _) = $0 { return other == platform }
                    return false
                }
            }
        }
        return paragraphs.map(\.text).joined(separator: "\n")
    }

    /// Puts `note` where the first paragraph it replaces was (dropping the others), else at the end:
    /// a note rewritten with what it already says stays byte for byte the same.
    private static func replace(in paragraphs: inout [PlatformNote.Paragraph], with note: PlatformNote, replacing: (PlatformNote) -> Bool) {
        let matches = paragraphs.indices.filter { if case .platform(let old) = paragraphs[$0] { replacing(old) } else { false } }
        guard let first = matches.first else {
            paragraphs.append(.platform(note))
            return
        }
        paragraphs[first] = .platform(note)
        for index in matches.dropFirst().reversed() { paragraphs.remove(at: index) }
    }
}

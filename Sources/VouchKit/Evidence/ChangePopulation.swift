import Foundation
/// What to read: the period (or a revision range), the branch, and the instant of judgement.
public struct EvidenceRequest: Sendable {
    public enum Selection: Sendable, Hashable {
        /// Changes whose committer time falls on these UTC days (both included); nil is open.
        case period(since: CalendarDate?, until: CalendarDate?)
        /// `OLD..NEW`: the first-parent changes of NEW that OLD does not contain.
        case range(String)
    }

    /// Nil: the report period of `vouch.yml`.
    public var selection: Selection?
    /// Overrides `change_management.branch`.
    public var branch: String?
    public var now: Timestamp
    /// The program's folder inside the repository ("" or "a/b/"), for the sensitive program
    /// paths; nil when the program is kept outside the repository whose changes are read.
    public var programPrefix: String?
    /// List every changed path even when the scope is the whole repository. Off by default:
    /// comparing whole trees for every change costs more than all the rest of the evidence
    /// (it is what `git log --name-only` does), and the scope decision does not need it.
    public var listPaths: Bool
    /// List each change's trailers, exactly as git reads them (for cross-checks against git).
    public var listTrailers = false
    /// Reads the history from this commit instead of the branch's tip (an export pinned to a commit).
    public var tip: ObjectID?

    public init(selection: Selection? = nil, branch: String? = nil, now: Timestamp, programPrefix: String? = "", listPaths: Bool = false, tip: ObjectID? = nil) {
        self.selection = selection
        self.branch = branch
        self.now = now
        self.programPrefix = programPrefix
        self.listPaths = listPaths
        self.tip = tip
    }
}

/// Where the population comes from, for the report's metadata.
public struct PopulationMetadata: Sendable {
    /// The repository's name as people know it (`Repository.publicName`), never a local path.
    public var repositoryName: String
    /// `remote.origin.url` without credentials (`Redaction.url`), when configured.
    public var origin: String?
    /// The branch name; nil for a `--range` without a branch.
    public var branch: String?
    /// The reference read (`refs/heads/main`, `refs/remotes/origin/main`).
    public var branchReference: String?
    /// The newest commit of the walk; nil when the branch has no commits yet.
    public var tip: ObjectID?
    public var selection: EvidenceRequest.Selection
    public var paths: [String]
    /// Whether each record lists its paths (see `EvidenceRequest.listPaths`).
    public var pathsListed: Bool
    public var mailmapBlob: ObjectID?
    public var notes: [(reference: String, tip: ObjectID?)]
    public var settings: ChangeManagementSettings
    public var context: ChangeRuleContext
    /// Whether every object was hashed again and checked against its id (`ObjectVerification`).
    public var objectsVerified = ObjectVerification.isEnabled
    /// Always false in a produced population: a shallow clone is refused. Reported so the
    /// evidence states that the check was made.
    public var shallow: Bool { false }
}

/// Counts gathered while the population is walked, and the digest of its records.
public struct PopulationSummary: Sendable {
    public var count = 0
    public var byMechanism: [ReviewMechanism: Int] = [:]
    public var byRule: [String: Int] = [:]
    /// Changes with at least one exception of warning or error severity.
    public var changesWithExceptions = 0
    /// Changes flagged for attention only (note severity).
    public var changesFlagged = 0
    private var records = RecordDigest()

    /// The digest of the population's canonical record list (see `RecordDigest`).
    public var digest: String { records.value }

    public var hasExceptions: Bool { changesWithExceptions > 0 }

    /// Counts one change.
    mutating func count(_ record: borrowing ChangeRecord) {
        count += 1
        byMechanism[record.mechanism, default: 0] += 1
        for exception in record.exceptions { byRule[exception.rule.identifier, default: 0] += 1 }
        if record.exceptions.contains(where: { $0.rule.severity > .note }) {
            changesWithExceptions += 1
        } else if !record.exceptions.isEmpty {
            changesFlagged += 1
        }
    }

    /// Adds the counts of other changes (a batch counted where it was judged); the digest is
    /// not touched, since it depends on the order of the records.
    mutating func addCounts(of other: PopulationSummary) {
        count += other.count
        byMechanism.merge(other.byMechanism, uniquingKeysWith: +)
        byRule.merge(other.byRule, uniquingKeysWith: +)
        changesWithExceptions += other.changesWithExceptions
        changesFlagged += other.changesFlagged
    }

    /// Adds the next record, as the UTF-8 of its compact JSON, to the digest.
    mutating func digest(canonical line: UnsafeRawBufferPointer) { records.add(canonical: line) }
}

/// `sha256:` and the hex SHA-256 of a canonical record list: each record's compact JSON (the
/// line `vouch evidence --format json` prints for it) followed by a line feed, in list order.
/// Any change to any record, or to their order, changes the digest.
public struct RecordDigest: Sendable {
    private var hasher = SHA256()

    public init() {}

    public init(_ records: [ChangeRecord]) {
        for record in records { add(record) }
    }

    public mutating func add(_ record: ChangeRecord) { record.canonicalJSONBytes.withUnsafeBytes { add(canonical: $0) } }

    /// Adds a record given as the UTF-8 of its compact JSON (`ChangeRecord.canonicalJSON`).
    mutating func add(canonical line: UnsafeRawBufferPointer) {
        hasher.update(line)
        hasher.update("\n")
    }

    public var value: String { "sha256:" + SHA256.hex(hasher.finalized()) }
}

/// Reads the change population of a branch: the first-parent commits in the period that touch
/// the paths in scope, each with its evidence and exceptions. Streams records one at a time, so
/// memory does not grow with the history.
///
/// Unchecked sendable: during a walk the first reading thread uses only the repository (commits
/// and merged tips), the second one alone the history reader and the tree comparer, which read
/// through a repository handle of their own; the judging threads only the analyzer, which is a
/// value. They meet in `BatchChannel`s, and the judged batches return in order through
/// `OrderedBatches`.
public final class PopulationWalker: @unchecked Sendable {
    public let metadata: PopulationMetadata
    private let repository: Repository
    private let reader: HistoryReader
    private let analyzer: ChangeAnalyzer
    private let scope: PathPatternSet
    private let filter: TreePathFilter
    private let trees: TreeComparer
    /// Threads that judge batches: one per core, up to four (judging a change costs about as much
    /// as reading it, so more could not be kept busy by the two reading threads).
    private let judgingThreads = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 4)

    public init(repository: Repository, configuration: Configuration, request: EvidenceRequest) throws {
        self.repository = repository
        do {
            try repository.refuseShallowClone()
            let settings = configuration.changeManagement
            guard let selection = request.selection ?? configuration.period.map({ .period(since: $0.start, until: $0.end) }) else {
                throw EvidenceError.noPeriod
            }
            let (branch, reference, tip) = try Self.locate(repository, request: request, settings: settings, selection: selection)
            let mailmapBlob = try tip.flatMap(repository.mailmapBlob(at:))
            let mailmap = try mailmapBlob.map { try Mailmap(contents: repository.blob($0)) }
            let context = ChangeRuleContext(branch: branch ?? "the branch", settings: settings, now: request.now)
            // The second reading thread gets libgit2 pack readers of its own: sharing them, the
            // two threads spent more time waiting on each other's locks than reading.
            let evidenceRepository = try repository.independentReader()
            reader = try HistoryReader(repository: evidenceRepository)
            trees = TreeComparer(repository: evidenceRepository)
            let scope = PathPatternSet(settings.paths)
            let sensitive = PathPatternSet(ChangeSensitivePathRule.builtInPaths(programPrefix: request.programPrefix) + settings.sensitivePaths)
            self.scope = scope
            if !scope.matchesEverything {
                filter = scope.treeFilter
            } else if request.listPaths {
                filter = .everything
            } else {
                // Everything is in scope: only the sensitive paths need looking for.
                filter = sensitive.treeFilter
            }
            var analyzer = ChangeAnalyzer(context: context, sensitivePaths: sensitive, bots: BotAccounts(settings.bots), mailmap: mailmap)
            analyzer.listsTrailers = request.listTrailers
            self.analyzer = analyzer
            metadata = PopulationMetadata(
                repositoryName: try repository.publicName(),
                origin: try repository.configString("remote.origin.url").map { Redaction.url($0) },
                branch: branch, branchReference: reference, tip: tip, selection: selection,
                paths: settings.paths, pathsListed: !scope.matchesEverything || request.listPaths, mailmapBlob: mailmapBlob, notes: reader.noteReferences,
                settings: settings, context: context)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }

    /// The branch, its reference and tip; the tip is nil for a branch with no commits yet.
    private static func locate(_ repository: Repository, request: EvidenceRequest, settings: ChangeManagementSettings, selection: EvidenceRequest.Selection) throws -> (String?, String?, ObjectID?) {
        let name = request.branch ?? settings.branch
        if case .range(let text) = selection {
            let (_, new) = try range(text, in: repository)
            return (name, nil, new)
        }
        if let tip = request.tip { return (name, name.map { "refs/heads/\($0)" }, tip) }
        let (branch, reference, tip) = try BranchTip.populationBranch(named: name, in: repository)
        return (branch, reference, tip)
    }

    private static func range(_ text: String, in repository: Repository) throws -> (ObjectID, ObjectID) {
        guard !text.contains("..."), let separator = text.range(of: "..") else {
            throw EvidenceError.invalidRange(text, reason: "expected two revisions joined by '..'")
        }
        let old = String(text[..<separator.lowerBound]), new = String(text[separator.upperBound...])
        guard !old.isEmpty, !new.isEmpty else { throw EvidenceError.invalidRange(text, reason: "both revisions are needed") }
        func resolve(_ revision: String) throws -> ObjectID {
            do { return try repository.resolveCommit(revision) } catch let error as GitError {
                throw EvidenceError.invalidRange(text, reason: "'\(revision)' does not name a commit (\(error.message))")
            }
        }
        return (try resolve(old), try resolve(new))
    }

    /// Walks the population newest first, handing each record to `body` with its canonical
    /// compact JSON (the digest's input, and the line the JSON report prints); returns the counts
    /// and digest once the walk has reached the end of the history (or of the range).
    ///
    /// The work is a pipeline over batches of changes, so every core is busy: one thread follows
    /// the first parents, reading commits; a second compares each commit's trees with its
    /// parent's and reads its notes, through object database handles of its own (see
    /// `Repository.independentReader()`; a merge's merged tips are read by the first thread when
    /// every commit is a change, by the second otherwise); judging threads, at a slightly lower
    /// priority, judge and serialize whole batches; the calling thread digests them and passes
    /// them to `body`, in population order. What the first thread read goes back to it to be
    /// freed (see `SpentBatches`).
    @discardableResult
    public func walk(_ body: (ChangeRecord, String) throws -> Void) throws -> PopulationSummary {
        try walk(keepingRecords: true) { record, canonical in try body(record!, String(decoding: canonical, as: UTF8.self)) }
    }

    /// The same walk for a caller that needs each record's compact JSON (in UTF-8) alone:
    /// records are dropped on the threads that judge them. The bytes are valid only during
    /// the call of `body`.
    @discardableResult
    public func walkCanonical(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> PopulationSummary {
        try walk(keepingRecords: false) { _, canonical in try body(canonical) }
    }

    private func walk(keepingRecords: Bool, _ body: (ChangeRecord?, UnsafeRawBufferPointer) throws -> Void) throws -> PopulationSummary {
        var summary = PopulationSummary()
        guard metadata.tip != nil else { return summary }
        let commits = BatchChannel<WalkedCommit>()
        let changes = BatchChannel<CommitEvidence>()
        let judged = OrderedBatches<JudgedBatch>(producers: judgingThreads)
        let spentCommits = SpentBatches<WalkedCommit>(), spentEvidence = SpentBatches<CommitEvidence>()
        Self.start { [self] in
            try followFirstParents(into: commits) {
                spentCommits.release()
                spentEvidence.release()
            }
        } finishing: { commits.finish($0) }
        Self.start { [self] in try readEvidence(from: commits, into: changes, releasing: spentCommits) } finishing: {
            commits.cancel()
            changes.finish($0)
        }
        for _ in 0..<judgingThreads {
            Self.start { [self] in
                Self.yieldToReaders()
                while let (number, batch) = try changes.takeNumbered() {
                    let result = judge(batch, keepingRecords: keepingRecords)
                    spentEvidence.put(batch)
                    guard judged.put(result, number: number) else { throw CancellationError() }
                }
            } finishing: { judged.producerFinished($0) }
        }
        do {
            while var batch = try judged.take() {
                summary.addCounts(of: batch.summary)
                // Newest last, so that each record is moved out of the batch, never copied.
                batch.records.reverse()
                try batch.lines.withUnsafeBytes { lines in
                    var start = 0
                    for end in batch.ends {
                        let line = UnsafeRawBufferPointer(rebasing: lines[start..<end])
                        summary.digest(canonical: line)
                        try body(batch.records.popLast(), line)
                        start = end
                    }
                }
            }
        } catch {
            judged.cancel()
            changes.cancel()
            commits.cancel()
            judged.waitUntilFinished()
            changes.waitUntilFinished()
            commits.waitUntilFinished()
            if let error = error as? GitError { throw EvidenceError.git(error) }
            throw error
        }
        return summary
    }

    /// Lowers the calling judging thread's priority a little (its nice value, on Linux). The
    /// first-parent walk is one chain that no second thread can share; when it waits for a core,
    /// the judges soon run out of work and a core idles. Judging can always wait: given the
    /// readers' leftovers, the judges build up a queue and clear it on both cores at the end.
    private static func yieldToReaders() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)
        #endif
    }

    /// Runs `work` on a thread of its own, then `finish` with its error (nil when it completed).
    private static func start(_ work: @escaping @Sendable () throws -> Void, finishing finish: @escaping @Sendable (Error?) -> Void) {
        let thread = Thread {
            do {
                try work()
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The canonical JSON and counts of a batch, in its order, and its records when they are
    /// kept: each change is judged on its own facts alone. Records not kept are released here,
    /// on the judging thread.
    private func judge(_ batch: [CommitEvidence], keepingRecords: Bool) -> JudgedBatch {
        let pathsListed = metadata.pathsListed
        var judged = JudgedBatch()
        judged.ends.reserveCapacity(batch.count)
        if keepingRecords { judged.records.reserveCapacity(batch.count) }
        // One buffer for the whole batch, not one per change: each of those was allocated here
        // and freed by the thread that writes the output (see `SpentBatches`).
        var json = JSONWriter(capacity: batch.count * 1024)
        for evidence in batch {
            let record = analyzer.record(ChangeFacts(evidence, pathsListed: pathsListed), withMessages: keepingRecords)
            judged.summary.count(record)
            record.writeCanonicalJSON(to: &json)
            judged.ends.append(json.byteCount)
            // Moved into the result, never copied: a copy retains each of its strings.
            if keepingRecords { judged.records.append(consume record) }
        }
        judged.lines = json.bytes
        return judged
    }

    /// The first stage of `walk`: the commits of the population, newest first, each with its
    /// first parent's tree. Calls `releaseSpent` after handing over each batch.
    private func followFirstParents(into channel: BatchChannel<WalkedCommit>, releaseSpent: () -> Void) throws {
        var batch = channel.newBatch()
        func handle(_ commit: Commit, _ parent: Commit?) throws {
            // With everything in scope every commit is a change: its merged tips are read here,
            // which balances the two reading threads; otherwise only changes in scope need them.
            let tips = scope.matchesEverything ? try HistoryReader.mergedTips(of: commit, in: repository) : nil
            batch.append(WalkedCommit(commit: commit, parentTree: parent?.treeID, mergedTips: tips))
            if batch.count == channel.batchSize {
                guard channel.put(batch) else { throw CancellationError() }
                batch.removeAll(keepingCapacity: true)
                releaseSpent()
            }
        }
        switch metadata.selection {
        case .period(let since, let until):
            let start = since.map { Timestamp.startOfDay($0).seconds } ?? Int64.min
            let end = until.map { Timestamp.startOfDay($0.adding(days: 1)).seconds - 1 } ?? Int64.max
            try walkFirstParents(from: metadata.tip!) { commit, parent in
                let time = commit.committerTime
                if time >= start, time <= end { try handle(commit, parent) }
            }
        case .range(let text):
            try walkRange(text, handle)
        }
        if !batch.isEmpty { _ = channel.put(batch) }
    }

    /// The second stage of `walk`: the commits that touch the scope, with their evidence.
    private func readEvidence(from commits: BatchChannel<WalkedCommit>, into changes: BatchChannel<CommitEvidence>, releasing spent: SpentBatches<WalkedCommit>) throws {
        while let batch = try commits.take() {
            var found = changes.newBatch()
            for walked in batch {
                if let change = try evidence(walked) { found.append(change) }
            }
            spent.put(batch)
            guard changes.put(found) else { throw CancellationError() }
        }
    }

    /// Every first-parent commit from `tip` to the root, each with its parent. Reads each commit
    /// once; a missing parent is an error, never the end of the history.
    private func walkFirstParents(from tip: ObjectID, _ body: (Commit, Commit?) throws -> Void) throws {
        var current = try lookUp(tip, neededBy: "the branch tip")
        while true {
            let parent = try current.parentIDs.first.map { try lookUp($0, neededBy: "commit \(current.id)") }
            try body(current, parent)
            guard let parent else { return }
            current = parent
        }
    }

    private func walkRange(_ text: String, _ body: (Commit, Commit?) throws -> Void) throws {
        let (old, new) = try Self.range(text, in: repository)
        let walk = try RevisionWalk(repository: repository, from: new, hiding: [old], firstParentOnly: true)
        var pending: Commit?
        while let id = try walk.next() {
            let commit = try lookUp(id, neededBy: pending.map { "commit \($0.id)" } ?? "the range's end")
            if let previous = pending {
                // The walk must follow first parents one by one; anything else is a gap.
                guard previous.parentIDs.first == id else { throw EvidenceError.walkEndedEarly(range: text, at: previous.id.description) }
                try body(previous, commit)
            }
            pending = commit
        }
        guard let last = pending else { return }
        let parent = try last.parentIDs.first.map { try lookUp($0, neededBy: "commit \(last.id)") }
        if let parent, parent.id != old, try !repository.isDescendant(old, of: parent.id) {
            throw EvidenceError.walkEndedEarly(range: text, at: last.id.description)
        }
        try body(last, parent)
    }

    private func lookUp(_ id: ObjectID, neededBy: @autoclosure () -> String) throws -> Commit {
        do {
            return try repository.commit(id)
        } catch let error as GitError where error.isNotFound {
            throw EvidenceError.incompleteHistory(at: neededBy(), missing: "commit \(id)", detail: error.message)
        }
    }

    /// The evidence of `commit` when it is in scope, nil when it touches no path in scope.
    private func evidence(_ walked: WalkedCommit) throws -> CommitEvidence? {
        let commit = walked.commit
        let paths: [String]
        do {
            paths = try trees.changedPaths(from: walked.parentTree, to: commit.treeID, filter: filter)
        } catch let error as GitError where error.isNotFound {
            throw EvidenceError.incompleteHistory(at: "commit \(commit.id)", missing: "a tree", detail: error.message)
        }
        guard scope.matchesEverything || !paths.isEmpty else { return nil }
        return try reader.evidence(of: commit, mergedTips: walked.mergedTips ?? reader.mergedTips(of: commit), paths: paths)
    }
}

/// A judged batch as the walk hands it on: the compact JSON of its changes back to back, their
/// counts, and their records unless only the JSON is wanted.
private struct JudgedBatch {
    var lines: [UInt8] = []
    /// Where each change's JSON ends in `lines`.
    var ends: [Int] = []
    /// The batch's counts (its digest stays empty: the digest follows the population's order).
    var summary = PopulationSummary()
    var records: [ChangeRecord] = []
}

/// Batches whose work is done, waiting to be released by the thread that read them.
///
/// glibc's allocator locks the arena a block came from whenever another thread frees it. Freed
/// where they were used, the commits' bytes kept the judging threads waiting on the first-parent
/// thread's arena (a few hundred milliseconds over a 100,000-commit history) while it read on.
final class SpentBatches<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[Element]] = []

    func put(_ batch: consuming [Element]) {
        lock.lock()
        batches.append(batch)
        lock.unlock()
    }

    /// Frees the batches put so far, on the calling thread.
    func release() {
        lock.lock()
        let released = batches
        batches = []
        lock.unlock()
        _ = consume released
    }
}

/// A commit of the population as the first stage of a walk reads it: with its first parent's
/// tree, and the merged tips of a merge when they were read there (nil: not yet read).
private struct WalkedCommit: Sendable {
    var commit: Commit
    var parentTree: ObjectID?
    var mergedTips: [Commit]?
}

/// What the hand-offs between a walk's threads share: one lock with its condition, how many
/// batches may wait, being told to stop (the receiving side failed, or no longer wants
/// anything), and the sending side's failure.
class HandOff: @unchecked Sendable {
    let condition = NSCondition()
    /// At most this many batches wait, so memory stays bounded whichever side is faster.
    let capacity = 8
    var cancelled = false
    /// The first error a sending thread ended with; a stop asked for is no failure.
    private(set) var failure: Error?

    /// Keeps `error` as the failure unless there already is one (call with the lock held).
    func keepFailure(_ error: Error?) {
        if failure == nil, let error, !(error is CancellationError) { failure = error }
    }

    /// Tells the sending side to stop: a blocked or later hand-over returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `done` holds (checked under the lock).
    func wait(until done: () -> Bool) {
        condition.lock()
        while !done() { condition.wait() }
        condition.unlock()
    }
}

/// Batches from one stage of a walk to the next, at most a few batches ahead.
final class BatchChannel<Element: Sendable>: HandOff, @unchecked Sendable {
    let batchSize = 256
    private var batches: [[Element]] = []
    private var finished = false
    /// How many batches receivers have taken.
    private var taken = 0

    func newBatch() -> [Element] {
        var batch: [Element] = []
        batch.reserveCapacity(batchSize)
        return batch
    }

    /// Hands over a batch; false when the receiving side was told to stop.
    func put(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The sending side is done, or failed with `error`.
    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        keepFailure(error)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end; the sending side's error, if it failed.
    func take() throws -> [Element]? { try takeNumbered()?.batch }

    /// The next batch with its place in the order batches were sent (0, 1, 2…), for receivers
    /// that take batches on several threads and must put their results back in order.
    func takeNumbered() throws -> (number: Int, batch: [Element])? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            taken += 1
            return (taken - 1, batches.removeFirst())
        }
        if let failure { throw failure }
        return nil
    }

    func waitUntilFinished() { wait { finished } }
}

/// Batches that several threads work on at once, handed on in the order they were numbered
/// (`BatchChannel.takeNumbered()`). A thread that is more than a few batches ahead of the next
/// one due waits, so memory stays bounded; the one working on the next batch never waits.
final class OrderedBatches<Batch>: HandOff, @unchecked Sendable {
    private var ready: [Int: Batch] = [:]
    /// The number of the batch `take` hands on next.
    private var next = 0
    /// Threads putting batches that have not finished yet.
    private var producers: Int

    init(producers: Int) { self.producers = producers }

    /// Hands over batch `number`; false when the receiving side was told to stop.
    func put(_ batch: consuming Batch, number: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while number >= next + capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready[number] = batch
        condition.broadcast()
        return true
    }

    /// One of the putting threads is done, or failed with `error` (the first failure is kept).
    func producerFinished(_ error: Error?) {
        condition.lock()
        producers -= 1
        keepFailure(error)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order; nil at the end; a putting thread's error, if one failed.
    func take() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready[next] == nil, producers > 0 { condition.wait() }
        if let batch = ready.removeValue(forKey: next) {
            next += 1
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    func waitUntilFinished() { wait { producers == 0 } }
}

/// A whole population in memory: for tests, for `findings`, and for small histories.
public struct ChangePopulation: Sendable {
    public var metadata: PopulationMetadata
    public var summary: PopulationSummary
    public var changes: [ChangeRecord]

    public static func read(repository: Repository, configuration: Configuration, request: EvidenceRequest) throws -> ChangePopulation {
        let walker = try PopulationWalker(repository: repository, configuration: configuration, request: request)
        var changes: [ChangeRecord] = []
        let summary = try walker.walk { record, _ in changes.append(record) }
        return ChangePopulation(metadata: walker.metadata, summary: summary, changes: changes)
    }

    /// Every exception as a finding located at `change_management` in vouch.yml, with the commit,
    /// for SARIF and JUnit reports.
    public func findings(configuration: Configuration) -> [Finding] {
        Self.findings(of: changes, location: configuration.changeManagement.location)
    }

    public static func findings(of changes: [ChangeRecord], location: SourceLocation) -> [Finding] {
        changes.flatMap { change in
            change.exceptions.map { $0.rule.finding(at: location, $0.message, commit: change.commit.description) }
        }
    }
}

import Foundation

/// Reads the change population of a branch: the first-parent commits in the period that touch
/// the paths in scope, each with its evidence and exceptions. Streams records one at a time, so
/// memory does not grow with the history.
///
/// A walk runs in stages, each a value that owns what it reads through and is handed to its
/// thread with `sending` (`WorkerThread`): `FirstParentReader` follows the first parents,
/// `ScopeReader` compares trees and reads notes, `ChangeJudge`s judge and serialize, and the
/// calling thread digests the judged batches and passes them on in population order. They meet
/// only in `BatchChannel`s and `OrderedBatches`. With `EvidenceRequest.jobs` 1 the same stages
/// run one after the other on the calling thread.
public final class PopulationWalker {
    public let metadata: PopulationMetadata
    private let repository: Repository
    private let analyzer: ChangeAnalyzer
    private let scope: PathPatternSet
    /// The paths a tree comparison looks at; nil: every path.
    private let filterPatterns: PathPatternSet?
    /// Threads that judge batches: one per core, up to four (judging a change costs about as much
    /// as reading it, so more could not be kept busy by the two reading threads); 1 for the
    /// reference walk on the calling thread.
    private let judgingThreads: Int

    public init(repository: Repository, configuration: Configuration, request: EvidenceRequest) throws {
        self.repository = repository
        judgingThreads = max(1, request.jobs ?? min(max(1, ProcessInfo.processInfo.activeProcessorCount), 4))
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
            let scope = PathPatternSet(settings.paths)
            // The key files decide whose signatures are trusted: changes to them are flagged too.
            let keyFiles = [settings.allowedSigners, settings.keyring].compactMap { $0 }
            let sensitive = PathPatternSet(ChangeSensitivePathRule.builtInPaths(programPrefix: request.programPrefix) + settings.sensitivePaths + keyFiles)
            self.scope = scope
            if !scope.matchesEverything {
                filterPatterns = scope
            } else if request.listPaths {
                filterPatterns = nil
            } else {
                // Everything is in scope: only the sensitive paths need looking for.
                filterPatterns = sensitive
            }
            var analyzer = ChangeAnalyzer(context: context, sensitivePaths: sensitive, bots: BotAccounts(settings.bots), mailmap: mailmap)
            analyzer.listsTrailers = request.listTrailers
            let keys = try SignatureKeys.read(settings, at: tip, in: repository)
            analyzer.signatures = keys.verifier
            self.analyzer = analyzer
            metadata = PopulationMetadata(
                repositoryName: try repository.publicName(),
                origin: try repository.configString("remote.origin.url").map { Redaction.url($0) },
                branch: branch, branchReference: reference, tip: tip, selection: selection,
                paths: settings.paths, pathsListed: !scope.matchesEverything || request.listPaths, mailmapBlob: mailmapBlob,
                notes: try HistoryReader.noteReferences(in: repository),
                settings: settings, context: context, keyFiles: keys.files, keyProblems: keys.problems)
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
    }

    /// The branch, its reference and tip; the tip is nil for a branch with no commits yet.
    private static func locate(_ repository: Repository, request: EvidenceRequest, settings: ChangeManagementSettings, selection: EvidenceRequest.Selection) throws -> (String?, String?, ObjectID?) {
        let name = request.branch ?? settings.branch
        if case .range(let text) = selection {
            let (_, new) = try FirstParentReader.range(text, in: repository)
            return (name, nil, new)
        }
        if let tip = request.tip { return (name, name.map { "refs/heads/\($0)" }, tip) }
        let (branch, reference, tip) = try BranchTip.populationBranch(named: name, in: repository)
        return (branch, reference, tip)
    }

    /// Walks the population newest first, handing each record to `body` with its canonical
    /// compact JSON (the digest's input, and the line the JSON report prints); returns the counts
    /// and digest once the walk has reached the end of the history (or of the range).
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
        guard let tip = metadata.tip else { return summary }
        let judge = ChangeJudge(analyzer: analyzer, pathsListed: metadata.pathsListed, keepsRecords: keepingRecords)
        do {
            if judgingThreads == 1 {
                try walkOnCallingThread(from: tip, judge: judge, into: &summary, body)
            } else {
                try walkInParallel(from: tip, judge: judge, into: &summary, body)
            }
        } catch let error as GitError {
            throw EvidenceError.git(error)
        }
        return summary
    }

    /// The reference walk: every stage in turn on the calling thread, through one repository
    /// handle.
    private func walkOnCallingThread(from tip: ObjectID, judge: ChangeJudge, into summary: inout PopulationSummary, _ body: (ChangeRecord?, UnsafeRawBufferPointer) throws -> Void) throws {
        let batchSize = 256
        let commits = Self.firstParentReader(repository, metadata: metadata, scope: scope, tip: tip)
        let changes = Self.scopeReader(repository, metadata: metadata, scope: scope, filterPatterns: filterPatterns)
        try commits.read(batchSize: batchSize) { batch in
            try judge.judge(try changes.changes(in: batch, batchSize: batchSize)).deliver(into: &summary, body)
        }
    }

    /// The pipeline over batches of changes, so every core is busy. The first stage reads
    /// commits; the second reads through object database handles of its own (see
    /// `Repository.independentReader()`; a merge's merged tips are read by the first when every
    /// commit is a change, by the second otherwise); the judges run at a slightly lower priority.
    private func walkInParallel(from tip: ObjectID, judge: ChangeJudge, into summary: inout PopulationSummary, _ body: (ChangeRecord?, UnsafeRawBufferPointer) throws -> Void) throws {
        let commits = BatchChannel<WalkedCommit>()
        let changes = BatchChannel<CommitEvidence>()
        let judged = OrderedBatches<JudgedBatch>(producers: judgingThreads)
        let firstParents = Self.firstParentReader(try Repository.open(at: repository.gitDirectory.path), metadata: metadata, scope: scope, tip: tip)
        let scopeReader = Self.scopeReader(try repository.independentReader(), metadata: metadata, scope: scope, filterPatterns: filterPatterns)
        WorkerThread.start(firstParents) { firstParents in
            try firstParents.read(batchSize: commits.batchSize) { batch in
                guard commits.put(batch) else { throw CancellationError() }
            }
        } finishing: { commits.finish($0) }
        WorkerThread.start(scopeReader) { scopeReader in
            while let batch = try commits.take() {
                let found = try scopeReader.changes(in: batch, batchSize: changes.batchSize)
                guard changes.put(found) else { throw CancellationError() }
            }
        } finishing: {
            commits.cancel()
            changes.finish($0)
        }
        for _ in 0..<judgingThreads {
            WorkerThread.start(judge) { judge in
                Self.yieldToReaders()
                while let (number, batch) = try changes.takeNumbered() {
                    let result = judge.judge(batch)
                    guard judged.put(result, number: number) else { throw CancellationError() }
                }
            } finishing: { judged.producerFinished($0) }
        }
        do {
            while let batch = try judged.take() { try batch.deliver(into: &summary, body) }
        } catch {
            judged.cancel()
            changes.cancel()
            commits.cancel()
            judged.waitUntilFinished()
            changes.waitUntilFinished()
            commits.waitUntilFinished()
            throw error
        }
    }

    /// The stages, built from a repository handle and this walk's plain values only: given a
    /// handle of their own, the compiler can see that nothing else reaches them, so they can be
    /// sent to their threads.
    private static func firstParentReader(_ repository: Repository, metadata: PopulationMetadata, scope: PathPatternSet, tip: ObjectID) -> FirstParentReader {
        FirstParentReader(repository: repository, selection: metadata.selection, tip: tip, readsMergedTips: scope.matchesEverything)
    }

    private static func scopeReader(_ repository: Repository, metadata: PopulationMetadata, scope: PathPatternSet, filterPatterns: PathPatternSet?) -> ScopeReader {
        ScopeReader(repository: repository, noteReferences: metadata.notes, scope: scope, filterPatterns: filterPatterns)
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
}

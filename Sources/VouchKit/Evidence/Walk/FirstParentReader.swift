/// The first stage of a walk: the commits of the population, newest first, each with its first
/// parent's tree, in batches. Owns the repository handle it reads through.
struct FirstParentReader {
    let repository: Repository
    let selection: EvidenceRequest.Selection
    let tip: ObjectID
    /// With everything in scope every commit is a change: its merged tips are read here, which
    /// balances the two reading stages; otherwise only changes in scope need them.
    let readsMergedTips: Bool

    /// Hands each full batch of `batchSize` commits, and the last one, to `hand`; a batch is
    /// reused once `hand` returns.
    func read(batchSize: Int, _ hand: ([WalkedCommit]) throws -> Void) throws {
        var batch: [WalkedCommit] = []
        batch.reserveCapacity(batchSize)
        func add(_ commit: Commit, _ parent: Commit?) throws {
            let tips = readsMergedTips ? try HistoryReader.mergedTips(of: commit, in: repository) : nil
            batch.append(WalkedCommit(commit: commit, parentTree: parent?.treeID, mergedTips: tips))
            if batch.count == batchSize {
                try hand(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        switch selection {
        case .period(let since, let until):
            let start = since.map { Timestamp.startOfDay($0).seconds } ?? Int64.min
            let end = until.map { Timestamp.startOfDay($0.adding(days: 1)).seconds - 1 } ?? Int64.max
            try walkFirstParents { commit, parent in
                let time = commit.committerTime
                if time >= start, time <= end { try add(commit, parent) }
            }
        case .range(let text):
            try walkRange(text, add)
        }
        if !batch.isEmpty { try hand(batch) }
    }

    /// `OLD..NEW`, resolved to its two commits.
    static func range(_ text: String, in repository: Repository) throws -> (ObjectID, ObjectID) {
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

    /// Every first-parent commit from the tip to the root, each with its parent. Reads each
    /// commit once; a missing parent is an error, never the end of the history.
    private func walkFirstParents(_ body: (Commit, Commit?) throws -> Void) throws {
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
}

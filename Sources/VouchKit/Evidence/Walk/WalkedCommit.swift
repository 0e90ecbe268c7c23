/// A commit of the population as the first stage of a walk reads it: with its first parent's
/// tree, and the merged tips of a merge when they were read there (nil: not yet read).
struct WalkedCommit: Sendable {
    var commit: Commit
    var parentTree: ObjectID?
    var mergedTips: [Commit]?
}

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

/// A reproducible sample of a change population.
///
/// Each change is ranked by the SHA-256 of the UTF-8 text `SEED:COMMIT` (the commit as 40
/// lower-case hex digits); the sample is the `size` changes with the smallest ranks (digests
/// compared as unsigned big-endian numbers), listed in population order. The same seed and
/// population give the same sample on any machine, and anyone can recompute a change's rank
/// with `printf '%s' 'SEED:COMMIT' | sha256sum`. Adding or removing one change never reshuffles
/// the others: each rank depends only on the seed and its own commit.
public struct SampleSelector: Sendable {
    public static let algorithm = "sha256(seed:commit), smallest first"

    public let size: Int
    public let seed: String
    /// Kept candidates, smallest rank first.
    private var kept: [(rank: [UInt8], index: Int, record: ChangeRecord)] = []
    private var offered = 0

    public init(size: Int, seed: String) {
        self.size = size
        self.seed = seed
    }

    public static func rank(seed: String, commit: ObjectID) -> [UInt8] { rank(seed: seed, key: commit.description) }

    /// The rank of any member of a population: the SHA-256 of `SEED:KEY` (a commit id, an email, a
    /// run occurrence), compared as an unsigned big-endian number.
    public static func rank(seed: String, key: String) -> [UInt8] { SHA256.hash("\(seed):\(key)") }

    /// The `size` members with the smallest ranks, in population order.
    public static func select<Member>(_ population: [Member], size: Int, seed: String, key: (Member) -> String) -> [Member] {
        let ranked = population.indices.map { (rank: rank(seed: seed, key: key(population[$0])), index: $0) }
        let kept = ranked.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.prefix(max(0, size)).map(\.index).sorted()
        return kept.map { population[$0] }
    }

    /// Considers the next change of the population (in population order).
    public mutating func offer(_ record: ChangeRecord) {
        defer { offered += 1 }
        guard size > 0 else { return }
        let rank = Self.rank(seed: seed, commit: record.commit)
        if kept.count == size, let last = kept.last, !rank.lexicographicallyPrecedes(last.rank) { return }
        let position = kept.firstIndex { rank.lexicographicallyPrecedes($0.rank) } ?? kept.count
        kept.insert((rank, offered, record), at: position)
        if kept.count > size { kept.removeLast() }
    }

    /// The sampled changes, in population order.
    public var sample: [ChangeRecord] { kept.sorted { $0.index < $1.index }.map(\.record) }
}

/// Sample sizes for tests of controls by how often the control operates, as in the table service
/// auditors commonly use: annual 1, quarterly 2, monthly 2–5, weekly 5–15, daily 20–40, many times a
/// day 25–60. No standard sets these figures (the AICPA's audit sampling guide leaves the size to the
/// auditor's judgment); they are audit firms' common practice. Vouch suggests the low end, which
/// auditors use when they expect no deviations, capped at the population. The auditor decides, so
/// `sampling:` in `vouch.yml` replaces the table for the frequencies it names.
public struct SampleGuidance: Sendable, Hashable {
    public var frequency: ControlFrequency
    public var range: ClosedRange<Int>
    /// The controls whose frequency was used (those with `git: change-review` evidence).
    public var controls: [String]
    /// Whether the size comes from `sampling:` in `vouch.yml` rather than the built-in table.
    public var configured: Bool

    public static func range(for frequency: ControlFrequency) -> ClosedRange<Int> {
        switch frequency {
        case .annually: 1...1
        case .quarterly: 2...2
        case .monthly: 2...5
        case .weekly: 5...15
        case .daily: 20...40
        case .perChange, .continuous: 25...60
        }
    }

    /// The range for a frequency: the configured size when `vouch.yml` names one, else the table's.
    public static func range(for frequency: ControlFrequency, sizes: [ControlFrequency: Int]) -> ClosedRange<Int> {
        sizes[frequency].map { $0...$0 } ?? range(for: frequency)
    }

    /// From the controls that list `git: change-review` evidence: the one that asks for the largest
    /// sample decides. Without such a control, change review is taken to operate per change.
    public init(program: Program) {
        let sizes = program.configuration.sampleSizes
        let reviewing = program.controls.filter { $0.evidence.contains { $0.value == .git(.changeReview) } }
        let frequencies = reviewing.compactMap { $0.frequency?.value }
        let frequency = frequencies.max { Self.range(for: $0, sizes: sizes).lowerBound < Self.range(for: $1, sizes: sizes).lowerBound } ?? .perChange
        self.frequency = frequency
        range = Self.range(for: frequency, sizes: sizes)
        configured = sizes[frequency] != nil
        controls = reviewing.filter { $0.frequency?.value == frequency || $0.frequency == nil }.map(\.id.value)
    }

    /// The suggested size for a population of `population` changes.
    public func suggestedSize(population: Int) -> Int { min(range.lowerBound, population) }

    public var explanation: String {
        let span = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
        let source = controls.isEmpty ? "no control lists 'git: change-review' evidence, so per-change is assumed" : "frequency of \(controls.joined(separator: ", "))"
        let size = configured ? "vouch.yml's 'sampling' sets \(span)" : "audit firms' common practice for tests of controls samples \(span)"
        return "\(frequency.rawValue) control (\(source)): \(size)"
    }
}

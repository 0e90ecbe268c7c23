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

    public static func rank(seed: String, commit: ObjectID) -> [UInt8] { SHA256.hash("\(seed):\(commit)") }

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

/// Sample sizes for tests of controls by how often the control operates, as in the table
/// commonly used by service auditors (AICPA audit sampling guidance and firms' practice aids):
/// annual 1, quarterly 2, monthly 2–5, weekly 5–15, daily 20–40, many times a day 25–60.
/// Vouch suggests the low end, which auditors use when they expect no deviations, capped at the
/// population; the auditor decides.
public struct SampleGuidance: Sendable, Hashable {
    public var frequency: ControlFrequency
    public var range: ClosedRange<Int>
    /// The controls whose frequency was used (those with `git: change-review` evidence).
    public var controls: [String]

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

    /// From the controls that list `git: change-review` evidence: the most frequent one decides
    /// (the largest sample). Without such a control, change review is taken to operate per change.
    public init(program: Program) {
        let reviewing = program.controls.filter { $0.evidence.contains { $0.value == .git(.changeReview) } }
        let frequencies = reviewing.compactMap { $0.frequency?.value }
        let frequency = frequencies.max { Self.range(for: $0).lowerBound < Self.range(for: $1).lowerBound } ?? .perChange
        self.frequency = frequency
        range = Self.range(for: frequency)
        controls = reviewing.filter { $0.frequency?.value == frequency || $0.frequency == nil }.map(\.id.value)
    }

    /// The suggested size for a population of `population` changes.
    public func suggestedSize(population: Int) -> Int { min(range.lowerBound, population) }

    public var explanation: String {
        let span = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
        let source = controls.isEmpty ? "no control lists 'git: change-review' evidence, so per-change is assumed" : "frequency of \(controls.joined(separator: ", "))"
        return "\(frequency.rawValue) control (\(source)): common guidance for tests of controls samples \(span)"
    }
}

/// A reproducible sample of one control's occurrences, ranked like change samples: each
/// occurrence by the SHA-256 of `SEED:CONTROL:OCCURRENCE`, the smallest kept, listed in calendar
/// order. Anyone can recompute a rank with `printf '%s' 'SEED:AC-03:2026-Q2' | sha256sum`.
public struct RunSample: Sendable {
    public static let algorithm = "sha256(seed:control:occurrence), smallest first"

    public var control: ControlRuns
    /// The occurrences sampled from: those due by the judging date (upcoming and not-yet-due ones
    /// cannot be tested yet).
    public var population: [ExpectedRun]
    public var sample: [ExpectedRun]
    public var seed: String
    /// How the size was chosen, when `auto`.
    public var guidance: String?

    /// - Parameter size: the sample size, or nil for the size the frequency table suggests.
    public init(_ control: ControlRuns, size: Int?, seed: String, sizes: [ControlFrequency: Int] = [:]) {
        self.control = control
        self.seed = seed
        population = control.occurrences.filter { $0.status != .upcoming && $0.status != .due }
        let range = SampleGuidance.range(for: control.frequency, sizes: sizes)
        let chosen = size ?? min(range.lowerBound, population.count)
        if size == nil {
            let span = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            guidance = "\(control.frequency.rawValue) control: " + (sizes[control.frequency] != nil ? "vouch.yml's 'sampling' sets \(span)" : "audit firms' common practice for tests of controls samples \(span)")
        }
        sample = SampleSelector.select(population, size: chosen, seed: seed) { "\(control.id):\($0.occurrence.name)" }
    }
}

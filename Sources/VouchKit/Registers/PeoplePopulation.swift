/// The people auditors sample on- and off-boarding from: joiners, leavers, or everyone employed
/// at some time in a period, read from the roster, with a reproducible sample.
///
/// The sample ranks each person by the SHA-256 of `SEED:EMAIL` (the roster email in lower case)
/// and keeps the smallest ranks, listed in roster order, like the change sample: anyone can
/// recompute a rank with `printf '%s' 'SEED:EMAIL' | sha256sum`, and one more joiner never
/// reshuffles the others.
public struct PeoplePopulation: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Started in the period.
        case hired
        /// Left in the period.
        case left
        /// Employed on at least one day of the period.
        case employed
    }

    public static let algorithm = "sha256(seed:email), smallest first"

    public let kind: Kind
    public let period: ReportPeriod
    public let people: [Person]

    public init(roster: [Person], kind: Kind, period: ReportPeriod) {
        self.kind = kind
        self.period = period
        people = roster.filter { person in
            switch kind {
            case .hired: return person.start.map { period.contains($0.value) } ?? false
            case .left: return person.end.map { period.contains($0.value) } ?? false
            case .employed:
                guard let start = person.start?.value, start <= period.end else { return false }
                return person.end.map { $0.value >= period.start } ?? true
            }
        }
    }

    public static func rank(seed: String, email: String) -> [UInt8] { SampleSelector.rank(seed: seed, key: email.lowercased()) }

    /// `size` people of the population (all of them when it is smaller), in roster order.
    public func sample(size: Int, seed: String) -> [Person] {
        SampleSelector.select(people, size: size, seed: seed) { $0.email.value.lowercased() }
    }

    /// The sample size auditors commonly use for a control that operates as often as this
    /// population's events happen over the period (the frequency table of `SampleGuidance`),
    /// capped at the population: a dozen joiners a year is a monthly control, and so on.
    public var suggestedSampleSize: Int {
        let days = max(1, period.start.days(until: period.end) + 1)
        let perYear = Double(people.count) * 365 / Double(days)
        let frequency: ControlFrequency = switch perYear {
        case ...1: .annually
        case ...4: .quarterly
        case ...12: .monthly
        case ...52: .weekly
        case ...365: .daily
        default: .perChange
        }
        return min(people.count, SampleGuidance.range(for: frequency).lowerBound)
    }
}

/// The registers as the auditor's package presents them: each vendor's assurance over our period
/// as a timeline, the 5×5 risk matrix (inherent and residual), acknowledgement rates per policy,
/// and the people populations. Judged as of the end of the report period, so a commit always
/// gives the same package. People's names are included only when asked for (`includePeople`):
/// a system description is often shared with customers.
public struct RegisterSummary: Sendable {
    public struct VendorStatus: Sendable {
        public var id: String
        public var name: String
        public var criticality: String?
        public var subservice: String?
        /// The latest attestation: `soc2 type 2, 2025-04-01 to 2026-03-31, unqualified`.
        public var latestReport: String?
        public var coveredThrough: CalendarDate?
        /// Our period cut into spans, each covered by a report, by a bridge letter, or by nothing.
        public var timeline: [Span]
        public var gapDays: Int { timeline.filter { $0.source == .gap }.reduce(0) { $0 + $1.start.days(until: $1.end) + 1 } }
        /// The report files (`file:`) the vendor's assurance names, with their recorded hashes.
        public var reportFiles: [(path: String, sha256: String?)]
    }

    public struct Span: Sendable, Hashable {
        public enum Source: String, Sendable { case report, bridgeLetter = "bridge-letter", gap }
        public var start: CalendarDate
        public var end: CalendarDate
        public var source: Source
    }

    public struct RiskEntry: Sendable {
        public var id: String
        public var title: String
        public var treatment: String?
        public var inherent: (likelihood: Int, impact: Int)?
        public var residual: (likelihood: Int, impact: Int)?
        public var owner: String?
    }

    public struct AcknowledgementRate: Sendable {
        public var policyID: String
        public var required: Int
        public var acknowledged: Int
    }

    public struct Population: Sendable {
        public var kind: PeoplePopulation.Kind
        public var count: Int
        /// Names and emails, only with `includePeople`.
        public var people: [(name: String, email: String, start: String, end: String)]?
    }

    public var period: ReportPeriod?
    public var vendors: [VendorStatus]
    public var risks: [RiskEntry]
    /// `matrix[likelihood - 1][impact - 1]`: how many risks sit in each cell.
    public var inherentMatrix: [[Int]]
    public var residualMatrix: [[Int]]
    public var riskAppetite: Int?
    /// Nil when the acknowledgements could not be read from git, or there is no roster.
    public var acknowledgements: [AcknowledgementRate]?
    public var populations: [Population]
    public var hasRoster: Bool

    public var isEmpty: Bool { vendors.isEmpty && risks.isEmpty && !hasRoster }

    public init(program: Program, period: ReportPeriod?, policyApprovals: [String: PolicyApprovalRecord]?, acknowledgements: [String: [PolicyAcknowledgement]]?, includePeople: Bool) {
        self.period = period
        vendors = program.vendors.sorted { $0.id.value < $1.id.value }.map { vendor in
            let latest = vendor.latestAttestation
            return VendorStatus(
                id: vendor.id.value, name: vendor.displayName, criticality: vendor.criticality?.value.rawValue, subservice: vendor.subservice?.value.rawValue,
                latestReport: latest.map { item in
                    [item.kind.value.rawValue + (item.type.map { " type \($0.value)" } ?? ""),
                     item.period.map { "\($0.start) to \($0.end)" }, item.opinion?.value.rawValue].compactMap { $0 }.joined(separator: ", ")
                },
                coveredThrough: vendor.assurance.compactMap(\.coveredThrough).max(),
                timeline: period.map { Self.timeline(of: vendor, over: $0) } ?? [],
                reportFiles: vendor.assurance.compactMap { item in item.file.map { ($0.value, item.sha256?.value) } })
        }
        risks = program.risks.sorted { $0.id.value < $1.id.value }.map { risk in
            RiskEntry(
                id: risk.id.value, title: risk.title?.value ?? "", treatment: risk.treatment?.value.rawValue,
                inherent: risk.inherent.map { ($0.likelihood, $0.impact) }, residual: risk.residual.map { ($0.likelihood, $0.impact) },
                owner: risk.owner?.value)
        }
        var inherent = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        var residual = inherent
        for risk in risks {
            if let score = risk.inherent { inherent[score.likelihood - 1][score.impact - 1] += 1 }
            if let score = risk.residual ?? risk.inherent { residual[score.likelihood - 1][score.impact - 1] += 1 }
        }
        inherentMatrix = inherent
        residualMatrix = residual
        riskAppetite = program.configuration.riskAppetite?.value
        hasRoster = program.people != nil
        let roster = program.people ?? []
        if let period, program.people != nil {
            populations = PeoplePopulation.Kind.allCases.map { kind in
                let population = PeoplePopulation(roster: roster, kind: kind, period: period)
                return Population(kind: kind, count: population.people.count, people: includePeople ? population.people.map {
                    ($0.name.value, $0.email.value, $0.start?.value.description ?? "", $0.end?.value.description ?? "")
                } : nil)
            }
        } else {
            populations = []
        }
        if let period, let policyApprovals, let acknowledgements, program.people != nil {
            let active = roster.filter { $0.isActive(on: period.end) }
            self.acknowledgements = program.policies.map(\.id.value).filter { !$0.isEmpty }.sorted().compactMap { policyID in
                guard policyApprovals[policyID] != nil else { return nil }
                let required = active.filter { $0.requires(policyID) }
                let done = required.filter { person in acknowledgements[policyID]?.contains { person.matches($0.person) } ?? false }
                return AcknowledgementRate(policyID: policyID, required: required.count, acknowledged: done.count)
            }
        } else {
            self.acknowledgements = nil
        }
    }

    /// Our period cut at every start and end of the vendor's report periods and bridge letters.
    static func timeline(of vendor: Vendor, over period: ReportPeriod) -> [Span] {
        var covered: [(start: CalendarDate, end: CalendarDate, source: Span.Source)] = []
        for item in vendor.assurance where item.kind.value.isAttestation {
            guard let reportPeriod = item.period else { continue }
            covered.append((reportPeriod.start, reportPeriod.end, .report))
            if let through = item.bridgeLetter?.through.value, through > reportPeriod.end {
                covered.append((reportPeriod.end.adding(days: 1), through, .bridgeLetter))
            }
        }
        var spans: [Span] = []
        var day = period.start
        while day <= period.end {
            // A report beats a bridge letter on the days both cover.
            let source = covered.filter { $0.start <= day && day <= $0.end }.map(\.source).min { $0 == .report && $1 != .report } ?? .gap
            if let last = spans.last, last.source == source, last.end.adding(days: 1) == day {
                spans[spans.count - 1].end = day
            } else {
                spans.append(Span(start: day, end: day, source: source))
            }
            day = day.adding(days: 1)
        }
        return spans
    }
}

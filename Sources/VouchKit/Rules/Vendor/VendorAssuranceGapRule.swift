struct VendorAssuranceGapRule: VendorRule {
    /// Days at the end of the judged span left to bridge letters not yet issued: a quarter.
    static let bridgeGraceDays = 92

    static let description = RuleDescription(
        identifier: "vendor-assurance-gap", severity: .warning,
        summary: "A subservice organisation's reports and bridge letters cover our report period",
        rationale: "For a subservice organisation the auditor relies on its SOC reports for the days of our period; days no report period or bridge letter covers are days its controls are unsupported. Judged over our period up to the judging date (its end once over, else today) less 92 days, the time a bridge letter for the latest quarter takes to arrive.",
        passingExamples: [RegisterExample.soc2Vendor(period: "{ start: 2025-04-01, end: 2026-03-31 }", bridge: "2026-09-30", subservice: "carve-out")],
        failingExamples: [RegisterExample.soc2Vendor(period: "↓{ start: 2025-04-01, end: 2026-03-31 }", subservice: "carve-out")])

    func check(_ context: LintContext) -> [Finding] {
        guard let period = context.configuration.period else { return [] }
        let judgedEnd = min(period.end, context.reviewReferenceDate.adding(days: -Self.bridgeGraceDays))
        guard period.start <= judgedEnd else { return [] }
        return context.program.vendors.compactMap { vendor in
            guard vendor.isSubservice else { return nil }
            let spans = vendor.assurance.filter { $0.kind.value.isAttestation }.compactMap { item -> (CalendarDate, CalendarDate)? in
                guard let start = item.period?.start, let through = item.coveredThrough else { return nil }
                return (start, through)
            }
            let gaps = Self.gaps(in: ReportPeriod(start: period.start, end: judgedEnd), covered: spans)
            guard !gaps.isEmpty else { return nil }
            let location = vendor.latestAttestation?.periodLocation ?? vendor.id.location
            let days = gaps.reduce(0) { $0 + $1.start.days(until: $1.end) + 1 }
            let listed = gaps.map { $0.start == $0.end ? "\($0.start)" : "\($0.start) to \($0.end)" }.joined(separator: ", ")
            return finding(at: location, "subservice organisation '\(vendor.displayName)': \(days) day\(days == 1 ? "" : "s") of our period \(period.start) to \(period.end) have no report or bridge letter (\(listed)); request a bridge letter or the next report")
        }
    }

    /// The parts of `span` no covered span reaches, in order.
    static func gaps(in span: ReportPeriod, covered: [(CalendarDate, CalendarDate)]) -> [ReportPeriod] {
        var gaps: [ReportPeriod] = []
        var next = span.start
        for (start, end) in covered.sorted(by: { $0.0 < $1.0 }) where end >= next {
            if start > next { gaps.append(ReportPeriod(start: next, end: min(start.adding(days: -1), span.end))) }
            next = max(next, end.adding(days: 1))
            if next > span.end { break }
        }
        if next <= span.end { gaps.append(ReportPeriod(start: next, end: span.end)) }
        return gaps.filter { $0.start <= $0.end && $0.start <= span.end }
    }
}

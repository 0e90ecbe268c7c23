struct VendorAssuranceStaleRule: VendorRule {
    static let description = RuleDescription(
        identifier: "vendor-assurance-stale", severity: .warning,
        summary: "A vendor's latest report period ended within the last 12 months",
        rationale: "A report whose period ended more than a year before says little about the vendor's controls now; request the current one. Judged as of the end of the report period, or today while it runs; items without a period (a questionnaire) count from the day they were received.",
        passingExamples: [RegisterExample.soc2Vendor()],
        failingExamples: [RegisterExample.soc2Vendor(period: "↓{ start: 2024-07-01, end: 2025-06-30 }")])

    func check(_ context: LintContext) -> [Finding] {
        let reference = context.reviewReferenceDate
        return context.program.vendors.compactMap { vendor in
            let dated = vendor.assurance.compactMap { item -> (CalendarDate, SourceLocation)? in
                if let end = item.period?.end { return (end, item.periodLocation) }
                return item.received.map { ($0.value, $0.location) }
            }
            guard let latest = dated.max(by: { $0.0 < $1.0 }), latest.0.adding(days: 365) < reference else { return nil }
            return finding(at: latest.1, "the latest assurance of '\(vendor.displayName)' ends on \(latest.0), more than 12 months before \(reference); request the vendor's current report")
        }
    }
}

struct VendorReviewOverdueRule: VendorRule {
    static let description = RuleDescription(
        identifier: "vendor-review-overdue", severity: .warning,
        summary: "Vendors are reviewed within their review interval",
        rationale: "CC9.2 monitoring: each vendor is reassessed every 'review.interval_days' (365 by default). Judged as of the end of the report period, or today while it runs.",
        passingExamples: [RegisterExample.soc2Vendor()],
        failingExamples: [RegisterExample.soc2Vendor(review: "↓2025-06-01")])

    func check(_ context: LintContext) -> [Finding] {
        let reference = context.reviewReferenceDate
        return context.program.vendors.compactMap { vendor in
            guard let review = vendor.review, review.due < reference else { return nil }
            return finding(at: review.last.location, "vendor '\(vendor.displayName)' was last reviewed on \(review.last.value) and was due again by \(review.due) (every \(review.intervalDays) days); review it and update 'review.last'")
        }
    }
}

struct ChangeEmergencyUnreviewedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-emergency-unreviewed", severity: .error, scope: .change,
        summary: "Emergency changes are approved within emergency_review_days of landing",
        rationale: "An emergency change (an 'Emergency: reason' trailer) may skip review before it lands, but must be reviewed and approved afterwards: an approval note recorded within change_management.emergency_review_days (5 by default) of landing, or an approval already in the message. Until the window has passed the change is not an exception.",
        passingExamples: [
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n", daysAfterLanding: 2)])),
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n", daysSinceLanding: 1)),
        ],
        failingExamples: [
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n")),
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n", daysAfterLanding: 9)])),
        ])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        guard change.emergency != nil else { return false }
        let independent = change.independentApprovals
        if independent.contains(where: \.precedesLanding) { return false }
        let deadline = Self.deadline(change, context)
        if independent.contains(where: { $0.recordedAt.map { $0.seconds <= deadline } ?? false }) { return false }
        return context.now.seconds > deadline
    }

    private static func deadline(_ change: ChangeRecord, _ context: ChangeRuleContext) -> Int64 {
        change.landedAt.seconds + Int64(context.emergencyReviewDays) * Timestamp.secondsPerDay
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let reason = change.emergency ?? ""
        let notes = change.independentApprovals.compactMap(\.recordedAt)
        let late = notes.min().map { " (the first approval was recorded \(($0.seconds - change.landedAt.seconds) / Timestamp.secondsPerDay) days after landing)" } ?? ""
        return "emergency change \(change.shortID) ('\(reason)') has no approval recorded within \(context.emergencyReviewDays) days of landing\(late); have someone other than the author review it and run 'vouch approve \(change.shortID)', and record why the follow-up was late"
    }
}

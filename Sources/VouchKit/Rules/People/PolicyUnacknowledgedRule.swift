struct PolicyUnacknowledgedRule: PeopleRule {
    static let description = RuleDescription(
        identifier: "policy-unacknowledged", severity: .warning, scope: .registers,
        summary: "Active people acknowledged the current version of each policy they must follow",
        rationale: "CC1.4 and CC2.2 ask for proof that people accepted the policies. Each person active on the judging date acknowledges ('vouch acknowledge') the current version of every policy in their 'policies_required' ('all' for every policy) within policies.acknowledge_within_days (30 by default) of the later of their start date and the policy's latest approved change. With change_management.require_signed_approvals, an acknowledgement counts only when it is signed ('vouch acknowledge --sign') by a key the allowed signers or keyring list for the person's email. Read from the notes on refs/notes/vouch inside a git repository; silent without git history, and for a policy whose latest change is not approved yet (policy-change-unapproved reports that).",
        passingExamples: [RegisterHistoryExample.acknowledgements(rows: "Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,security\n", changed: "2026-03-01", acknowledged: [("dana@example.com", "2026-03-10")])],
        failingExamples: [
            RegisterHistoryExample.acknowledgements(rows: "Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,↓security\n", changed: "2026-03-01", acknowledged: []),
            RegisterHistoryExample.acknowledgements(rows: "Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,↓all\n", changed: "2026-03-01", acknowledged: [("dana@example.com", "2026-05-10")]),
        ])

    func check(_ context: LintContext) -> [Finding] {
        guard let people = context.program.people, let history = context.policyHistory, let evidence = context.registers else { return [] }
        let today = context.reviewReferenceDate
        let within = context.configuration.acknowledgeWithinDays
        let roster = RosterIndex(people)
        let signedOnly = context.configuration.changeManagement.requireSignedApprovals
        // Who acknowledged each policy's current version, and when: by roster row. Under
        // require_signed_approvals, what did not count is kept to say why.
        var acknowledged: [String: [Int: CalendarDate]] = [:]
        var unverified: [String: [Int: String]] = [:]
        for (policyID, acknowledgements) in evidence.acknowledgements {
            var dates: [Int: CalendarDate] = [:]
            for acknowledgement in acknowledgements {
                guard let row = roster.row(evidence.canonical(acknowledgement.person)) ?? roster.row(acknowledgement.person) else { continue }
                if signedOnly, acknowledgement.signature?.status != .good {
                    unverified[policyID, default: [:]][row] = acknowledgement.signature.map { "its signature is \($0.status.rawValue)" }
                        ?? (acknowledgement.signatureArmor == nil ? "it is not signed" : "no allowed signers or keyring is named to verify its signature")
                    continue
                }
                dates[row] = min(dates[row] ?? acknowledgement.date, acknowledgement.date)
            }
            acknowledged[policyID] = dates
        }
        let policies = context.program.policies.filter { !$0.id.value.isEmpty }
        var findings: [Finding] = []
        for (row, person) in people.enumerated() where person.isActive(on: today) {
            for required in person.policiesRequired {
                let names = required.value == "all" ? policies.map(\.id.value) : [required.value]
                for policyID in names {
                    guard let record = history[policyID], record.lastChange.isApproved, let start = person.start?.value else { continue }
                    let due = max(start, record.lastChange.date).adding(days: within)
                    let when = acknowledged[policyID]?[row]
                    if let when, when <= due { continue }
                    if when == nil, today <= due { continue }
                    var state = when.map { "acknowledged it only on \($0)" } ?? "has not acknowledged it"
                    if when == nil, let reason = unverified[policyID]?[row] {
                        state = "has no acknowledgement that counts (\(reason), and change_management.require_signed_approvals is true)"
                    }
                    findings.append(finding(at: required.location, "\(person.name.value) \(state); the current version of policy '\(policyID)' (\(record.lastChange.shortID), \(record.lastChange.date)) was due to be acknowledged by \(due); they run 'vouch acknowledge \(signedOnly ? "--sign " : "")\(policyID)' and push refs/notes/vouch"))
                }
            }
        }
        return findings
    }
}

struct PersonRecordInvalidRule: PeopleRule {
    static let description = RuleDescription(
        identifier: "person-record-invalid", severity: .error,
        summary: "Roster rows have valid dates, an end not before the start, and unique emails",
        rationale: "The roster is the population auditors sample joiners and leavers from (CC1.4, CC6.2, CC6.3); a row with an unreadable date, a leaving date before the start, or an email two people share makes that population wrong.",
        passingExamples: [RegisterExample.people("Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,security\n")],
        failingExamples: [
            RegisterExample.people("Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,↓2023-01-31,security\n"),
            RegisterExample.people("Dana Reyes,dana@example.com,,CISO,Security,↓2024-02-30,,security\n"),
            RegisterExample.people("Dana Reyes,dana@example.com,,CISO,Security,2024-02-01,,\nDana R.,↓DANA@example.com,,CISO,Security,2024-02-01,,\n"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        guard let people = context.program.people else { return [] }
        var findings: [Finding] = []
        var seen: [String: Person] = [:]
        for person in people {
            if let start = person.start, let end = person.end, end.value < start.value {
                findings.append(finding(at: end.location, "\(person.name.value) leaves on \(end.value), before starting on \(start.value); correct the dates"))
            }
            let email = person.email.value.lowercased()
            if let first = seen[email] {
                findings.append(finding(at: person.email.location, "email \(person.email.value) is also \(first.name.value)'s (line \(first.location.line)); each person has one row, with other addresses in 'aliases'"))
            } else {
                seen[email] = person
            }
        }
        return findings
    }
}

/// Program files with registers, and the evidence git holds about them, for the documentation
/// and tests of rules that judge acknowledgements and risk approvals.
public struct RegisterHistoryExample: Sendable, Hashable {
    public var files: [String: String]
    /// By policy id; each record's latest change is the version people acknowledge.
    public var policyHistory: [String: PolicyApprovalRecord]
    public var acknowledgements: [String: [PolicyAcknowledgement]]
    public var riskApprovals: [String: PolicyApprovalRecord]
    /// By run record path.
    public var runSignoffs: [String: PolicyApprovalRecord] = [:]

    public var evidence: RegisterEvidence {
        RegisterEvidence(acknowledgements: acknowledgements, riskApprovals: riskApprovals, mailmap: nil, runSignoffs: runSignoffs)
    }

    static let alice = Identity(name: "Alice Example", email: "alice@example.com")
    static let dana = Identity(name: "Dana Reyes", email: "dana@example.com")

    /// A change landed on `date` by Alice, approved by Dana or not.
    static func change(_ date: String, approved: Bool) -> PolicyChange {
        PolicyChange(commit: String(repeating: "c3", count: 20), landedAt: Timestamp.startOfDay(CalendarDate(date)!), authors: [alice], approvedBy: approved ? [dana] : [])
    }

    /// The example policy `security` changed and approved on `changed`; the roster `rows`; and
    /// acknowledgements of its current version as (email, date).
    static func acknowledgements(rows: String, changed: String, acknowledged: [(String, String)]) -> RuleExample {
        guard case .program(let files) = RegisterExample.people(rows) else { fatalError("RegisterExample.people makes a program") }
        let record = PolicyApprovalRecord(policyID: "security", path: "policies/security.md", lastChange: change(changed, approved: true), lastApprovedChange: change(changed, approved: true))
        let acks = acknowledged.map { PolicyAcknowledgement(policyID: "security", blob: String(repeating: "d4", count: 20), date: CalendarDate($0.1)!, person: Identity(name: "", email: $0.0)) }
        return .registers(RegisterHistoryExample(files: files, policyHistory: ["security": record], acknowledgements: ["security": acks], riskApprovals: [:]))
    }

    /// An accepted risk with `fields` after its treatment, whose latest change landed approved by
    /// Dana or not (or is not in history, when `approved` is nil).
    static func acceptedRisk(_ fields: String = "\naccepted_by: ↓Dana Reyes <dana@example.com>", approved: Bool?) -> RuleExample {
        let treatment = fields.isEmpty ? "treatment: ↓accept" : "treatment: accept" + fields
        guard case .program(let files) = RegisterExample.risk("id: R-01\n\(RegisterExample.riskFields)\n\(treatment)") else { fatalError("RegisterExample.risk makes a program") }
        guard let approved else { return .registers(RegisterHistoryExample(files: files, policyHistory: [:], acknowledgements: [:], riskApprovals: [:])) }
        let record = PolicyApprovalRecord(policyID: "R-01", path: "risks/r.md", lastChange: change("2026-04-01", approved: approved), lastApprovedChange: approved ? change("2026-04-01", approved: true) : nil)
        return .registers(RegisterHistoryExample(files: files, policyHistory: [:], acknowledgements: [:], riskApprovals: ["R-01": record]))
    }

    /// What git holds, as `vouch rules` shows it.
    var historyLines: [String] {
        var lines: [String] = []
        for (id, record) in policyHistory.sorted(by: { $0.key < $1.key }) {
            lines.append("latest change to \(record.path) (\(id)): \(record.lastChange.shortID) on \(record.lastChange.date)" + (record.lastChange.isApproved ? ", approved by \(record.lastChange.approvedBy.map(\.description).joined(separator: ", "))" : ", not approved"))
        }
        for (_, acks) in acknowledgements.sorted(by: { $0.key < $1.key }) {
            for ack in acks { lines.append("note: \(ack.noteLine)") }
        }
        for (id, record) in riskApprovals.sorted(by: { $0.key < $1.key }) + runSignoffs.sorted(by: { $0.key < $1.key }) {
            lines.append("latest change to \(record.path) (\(id)): \(record.lastChange.shortID) on \(record.lastChange.date)" + (record.lastChange.isApproved ? ", approved by \(record.lastChange.approvedBy.map(\.description).joined(separator: ", "))" : ", approved by no one"))
        }
        return lines
    }
}

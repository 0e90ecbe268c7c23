/// A policy file and its approval history, written out for a rule's documentation and tests.
public struct PolicyHistoryExample: Sendable, Hashable {
    /// The content of `policies/example.md`.
    public var policy: String
    public var record: PolicyApprovalRecord

    public init(policy: String, record: PolicyApprovalRecord) {
        self.policy = policy
        self.record = record
    }

    static let path = "policies/example.md"
    static let text = "---\nid: example\ntitle: Example Policy\nowner: CISO\napprovers: [\"Dana Reyes <dana@example.com>\"]\nversion: \"2\"\neffective: EFFECTIVE\n---\nText.\n"

    /// A policy whose latest change landed on `changed` (by Alice), approved by Dana when `approved`
    /// is that same day, else last approved on `approved` (or never, when nil).
    static func example(effective: String, changed: String, approved: String?) -> RuleExample {
        let alice = Identity(name: "Alice Example", email: "alice@example.com")
        let dana = Identity(name: "Dana Reyes", email: "dana@example.com")
        func change(_ date: String, _ commit: String, approved: Bool) -> PolicyChange {
            PolicyChange(commit: commit, landedAt: Timestamp.startOfDay(CalendarDate(date)!), authors: [alice], approvedBy: approved ? [dana] : [])
        }
        let last = change(changed, String(repeating: "a1", count: 20), approved: approved == changed)
        let lastApproved = approved.map { $0 == changed ? last : change($0, String(repeating: "b2", count: 20), approved: true) }
        let policy = text.replacingOccurrences(of: "EFFECTIVE", with: effective)
        return .policyHistory(PolicyHistoryExample(policy: policy, record: PolicyApprovalRecord(policyID: "example", path: path, lastChange: last, lastApprovedChange: lastApproved)))
    }
}

extension RuleExample {
    /// Puts the `↓` marker where the example's finding points: the policy's `id` or `effective` line.
    func marking(id: Bool) -> RuleExample {
        guard case .policyHistory(var example) = self else { return self }
        example.policy = id
            ? example.policy.replacingOccurrences(of: "id: ", with: "id: ↓")
            : example.policy.replacingOccurrences(of: "effective: ", with: "effective: ↓")
        return .policyHistory(example)
    }
}

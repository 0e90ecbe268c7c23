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

/// Policy approval evidence read from git history (`vouch lint` inside a repository).
/// Warnings: a missing approval must not block a developer's commit; the compliance owner sees it.
public enum PolicyHistoryRules {
    public static let unapproved = RuleDescription(
        identifier: "policy-change-unapproved", severity: .warning, scope: .policyHistory,
        summary: "The latest change to each policy is approved by one of its listed approvers",
        rationale: "A policy is management's commitment; a change to it takes effect only once one of the people in its 'approvers' list approves it (CC5.3). The approval is read from git: an approval trailer, a note written by 'vouch approve', or a merge's recorded approvers, never the change's own author.",
        passingExamples: [PolicyHistoryExample.example(effective: "2026-03-01", changed: "2026-03-01", approved: "2026-03-01")],
        failingExamples: [PolicyHistoryExample.example(effective: "2026-03-01", changed: "2026-03-01", approved: "2025-06-01").marking(id: true)])

    public static let overdue = RuleDescription(
        identifier: "policy-approval-overdue", severity: .warning, scope: .policyHistory,
        summary: "Each policy's last approved change is within its review interval",
        rationale: "Policies are reviewed and re-approved at least every review interval (review_interval_days, 365 by default). Inside a git repository this is judged on the last change a listed approver approved, which replaces the 'effective' date check; judged at the end of the report period, or today while it runs.",
        passingExamples: [PolicyHistoryExample.example(effective: "2026-03-01", changed: "2026-03-01", approved: "2026-03-01")],
        failingExamples: [PolicyHistoryExample.example(effective: "2024-03-01", changed: "2024-03-01", approved: "2024-03-01").marking(id: false)])

    public static let effectiveUnapproved = RuleDescription(
        identifier: "policy-effective-unapproved", severity: .warning, scope: .policyHistory,
        summary: "A policy's 'effective' date is not later than its last approved change",
        rationale: "When 'effective' names a date after the last approved change, the version said to be in force was changed without approval. Approving a change ahead of its effective date is fine: the rule stays silent when the latest change itself is approved.",
        passingExamples: [PolicyHistoryExample.example(effective: "2026-04-01", changed: "2026-03-01", approved: "2026-03-01")],
        failingExamples: [PolicyHistoryExample.example(effective: "2026-05-01", changed: "2026-05-01", approved: "2026-03-01").marking(id: false)])

    public static let all: [RuleDescription] = [unapproved, overdue, effectiveUnapproved]

    static func people(_ identities: [Identity]) -> String { identities.map(\.description).joined(separator: ", ") }

    static func describe(_ change: PolicyChange) -> String {
        "\(change.shortID) on \(change.date) by \(people(change.authors))"
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

struct PolicyChangeUnapprovedRule: ProgramRule {
    var description: RuleDescription { PolicyHistoryRules.unapproved }

    func check(_ context: LintContext) -> [Finding] {
        guard let history = context.policyHistory else { return [] }
        return context.program.policies.compactMap { policy in
            guard let record = history[policy.id.value], !record.lastChange.isApproved, !policy.approvers.isEmpty else { return nil }
            let never = record.lastApprovedChange == nil ? "; no change to this policy was ever approved by them" : "; it was last approved in \(PolicyHistoryRules.describe(record.lastApprovedChange!))"
            return description.finding(
                at: policy.id.location,
                "the latest change to \(record.path) (\(PolicyHistoryRules.describe(record.lastChange))) has no approval by a listed approver (\(PolicyHistoryRules.people(policy.approvers.map(\.value))))\(never); ask one of them to review it and run 'vouch approve \(record.lastChange.shortID)', then push refs/notes/vouch")
        }
    }
}

struct PolicyApprovalOverdueRule: ProgramRule {
    var description: RuleDescription { PolicyHistoryRules.overdue }

    func check(_ context: LintContext) -> [Finding] {
        guard let history = context.policyHistory else { return [] }
        let reference = context.reviewReferenceDate
        return context.program.policies.compactMap { policy in
            guard let approved = history[policy.id.value]?.lastApprovedChange else { return nil }
            let interval = policy.reviewIntervalDays?.value ?? context.configuration.reviewIntervalDays
            let due = approved.date.adding(days: interval)
            guard due < reference else { return nil }
            return description.finding(
                at: policy.effective?.location ?? policy.id.location,
                "policy was last approved in \(PolicyHistoryRules.describe(approved)), approved by \(PolicyHistoryRules.people(approved.approvedBy)), and was due for review by \(due) (every \(interval) days); review it, record the approval of the change that updates 'effective' and 'version' with 'vouch approve'")
        }
    }
}

struct PolicyEffectiveUnapprovedRule: ProgramRule {
    var description: RuleDescription { PolicyHistoryRules.effectiveUnapproved }

    func check(_ context: LintContext) -> [Finding] {
        guard let history = context.policyHistory else { return [] }
        return context.program.policies.compactMap { policy in
            guard let effective = policy.effective, let record = history[policy.id.value], !record.lastChange.isApproved,
                  let approved = record.lastApprovedChange, effective.value > approved.date else { return nil }
            return description.finding(
                at: effective.location,
                "'effective' is \(effective.value), later than the last approved change (\(PolicyHistoryRules.describe(approved))): the version said to be in force has no recorded approval; have a listed approver approve the latest change (\(record.lastChange.shortID)) with 'vouch approve \(record.lastChange.shortID)'")
        }
    }
}

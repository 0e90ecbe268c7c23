/// How often a control operates.
public enum ControlFrequency: String, CaseIterable, Sendable, Codable {
    case perChange = "per-change"
    case continuous, daily, weekly, monthly, quarterly, annually
}

/// Whether a control stops a problem, finds it, or fixes it.
public enum ControlKind: String, CaseIterable, Sendable, Codable {
    case preventive, detective, corrective
}

public enum ControlAutomation: String, CaseIterable, Sendable, Codable {
    case automated, manual, hybrid
}

/// Only `implemented` controls count towards coverage; `planned` ones are reported as such.
public enum ControlStatus: String, CaseIterable, Sendable, Codable {
    case implemented, planned
    case notApplicable = "not-applicable"
}

/// Evidence that Vouch produces itself from git history.
public enum GitEvidenceKind: String, CaseIterable, Sendable, Codable {
    /// The change population and its reviews (`vouch evidence`).
    case changeReview = "change-review"
    /// Who approved the latest change to each policy.
    case policyApproval = "policy-approval"
}

/// One item of a control's `evidence:` list.
public enum EvidenceItem: Hashable, Sendable {
    case git(GitEvidenceKind)
    /// An artefact described in words, collected outside Vouch.
    case artifact(String)

    public var description: String {
        switch self {
        case .git(let kind): "git: \(kind.rawValue)"
        case .artifact(let text): text
        }
    }
}

/// A control: what the organisation does to meet one or more criteria or objectives.
public struct Control: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: Located<String>?
    public var criteria: [Located<CriterionReference>]
    public var objectives: [Located<String>]
    public var policies: [Located<String>]
    public var owner: Located<String>?
    public var frequency: Located<ControlFrequency>?
    public var kind: Located<ControlKind>?
    public var automation: Located<ControlAutomation>?
    public var status: Located<ControlStatus>?
    public var evidence: [Located<EvidenceItem>]
    /// `runs:`, when written; `runSchedule` gives the schedule with the defaults applied.
    public var runs: RunSchedule?
    /// The Markdown body.
    public var narrative: Located<String>

    public var isImplemented: Bool { status?.value == .implemented }

    /// When runs are due and whether they need a reviewer: `runs:` as written, the frequency's defaults otherwise.
    public var runSchedule: RunSchedule? {
        guard let frequency = frequency?.value, RunOccurrence.cadence(of: frequency) != nil else { return nil }
        return runs ?? RunSchedule.defaults(for: frequency)
    }

    /// Whether the control is expected to leave run records: an implemented (or unstated-status)
    /// periodic control. Planned and not-applicable controls expect none.
    public var expectsRuns: Bool {
        guard let status = status?.value, status == .implemented else { return false }
        return runSchedule != nil
    }
}

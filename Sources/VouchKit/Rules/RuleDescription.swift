/// What a rule checks and why, with examples that the test suite runs.
///
/// Every rule, whether it looks at one file, the whole program or a change in git history,
/// describes itself with one of these; `vouch rules` prints them and the SARIF reporter
/// turns them into `tool.driver.rules`.
public struct RuleDescription: Sendable, Hashable, Identifiable {
    /// Stable kebab-case identifier, shown in every finding and used to look the rule up.
    public let identifier: String
    public let severity: Severity
    public let scope: RuleScope
    /// One line: what the rule reports.
    public let summary: String
    /// Why it matters to the program, the auditor or the developer.
    public let rationale: String
    /// Inputs on which the rule must stay silent.
    public let passingExamples: [RuleExample]
    /// Inputs on which the rule must report; `↓` in a file marks where.
    public let failingExamples: [RuleExample]

    public var id: String { identifier }

    /// Internal: rules are defined in VouchKit, one per file under Rules/, and listed in `RuleRegistry`.
    init(
        identifier: String, severity: Severity, scope: RuleScope = .program, summary: String, rationale: String,
        passingExamples: [RuleExample] = [], failingExamples: [RuleExample] = []
    ) {
        self.identifier = identifier
        self.severity = severity
        self.scope = scope
        self.summary = summary
        self.rationale = rationale
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
    }

    /// A finding of this rule, at the rule's default severity.
    func finding(at location: SourceLocation, _ message: String, commit: String? = nil) -> Finding {
        Finding(rule: identifier, severity: severity, location: location, message: message, commit: commit)
    }
}

/// What a rule looks at.
public enum RuleScope: String, Sendable, Codable, CaseIterable {
    /// The program files: controls, policies, objectives, system description, configuration.
    case program
    /// Changes on the branch, read from git history.
    case change
    /// Policy approvals, read from git history.
    case policyHistory = "policy-history"
    /// Registers judged with what git holds about them: acknowledgements, accepted risks' approvals.
    case registers
}

/// An input for a rule's documentation and tests.
public enum RuleExample: Sendable, Hashable {
    /// Program files by path. Without a `vouch.yml` the minimal configuration
    /// `RuleExample.defaultConfiguration` is used.
    case program([String: String])
    /// One change on the branch, run through the change rules (`vouch evidence`).
    case change(ChangeExample)
    /// A policy file and its approval history, run through the policy history rules.
    case policyHistory(PolicyHistoryExample)
    /// Program files with registers, and what git holds about them (acknowledgements, approvals).
    case registers(RegisterHistoryExample)

    public static let defaultConfiguration = """
        organization: Example Cloud, Inc.
        system: Example Billing Platform
        reports:
          soc2:
            type: 2
            period: { start: 2026-01-01, end: 2026-12-31 }
            categories: [security]
        """

    /// Shorthand for an example made of one control file.
    public static func control(_ frontMatter: String, body: String = "Narrative.") -> RuleExample {
        .program(["controls/example.md": "---\n\(frontMatter)\n---\n\(body)\n"])
    }
}

/// A rule: what it checks and why (its `RuleDescription`, with examples the test suite runs),
/// beside the logic that checks it.
///
/// Each kind of rule refines this protocol with the input it judges:
/// - `ReadRule`: problems found while a file is read (encoding, front matter, YAML, schema);
///   the readers report them, so the rule is its description alone.
/// - `ProgramRule`: the whole program, after every file has been read.
/// - `PolicyHistoryRule`: the program together with its policies' approvals read from git history.
/// - `ChangeRule`: one change of the change population.
///
/// A rule lives in `Rules/<Kind>/` in a file named after it, and is listed once in
/// `RuleRegistry.rules`; nothing else needs to know about it. A new kind of input (say, runs of
/// periodic controls) is a new protocol refining `Rule` in a folder of its own, a `RuleScope`
/// case for its descriptions, and the one place that runs its rules over that input.
public protocol Rule: Sendable {
    /// The rule's identifier, severity, summary, rationale and examples.
    static var description: RuleDescription { get }
}

extension Rule {
    /// The description of a rule held as a value (an element of `RuleRegistry.rules`).
    public var description: RuleDescription { Self.description }

    /// A finding of this rule, at the rule's default severity. The only way a finding gets its
    /// rule id, so every id reported is one the registry lists.
    static func finding(at location: SourceLocation, _ message: String, commit: String? = nil) -> Finding {
        description.finding(at: location, message, commit: commit)
    }

    func finding(at location: SourceLocation, _ message: String, commit: String? = nil) -> Finding {
        Self.finding(at: location, message, commit: commit)
    }

    /// People as messages name them: `Name <email>, Name <email>`.
    static func people(_ identities: [Identity]) -> String { identities.map(\.description).joined(separator: ", ") }
}

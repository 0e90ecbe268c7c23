/// A rule over policy approval evidence read from git history (`vouch lint` inside a
/// repository), given to the rule as `LintContext.policyHistory`; silent without history.
///
/// Warnings: a missing approval must not block a developer's commit; the compliance owner sees it.
public protocol PolicyHistoryRule: ProgramRule {}

extension PolicyHistoryRule {
    static func describe(_ change: PolicyChange) -> String {
        "\(change.shortID) on \(change.date) by \(people(change.authors))"
    }
}

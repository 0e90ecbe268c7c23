/// `vouch rules`: the list, and one rule explained with its examples.
public enum RuleReporter {
    public static func list(_ rules: [RuleDescription], style: TextStyle) -> String {
        let width = rules.map(\.identifier.count).max() ?? 0
        var lines: [String] = []
        var scope: RuleScope?
        for rule in rules {
            if rule.scope != scope {
                scope = rule.scope
                if !lines.isEmpty { lines.append("") }
                lines.append(style.bold(title(of: rule.scope)))
            }
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            lines.append("  \(rule.identifier.padding(toLength: width, withPad: " ", startingAt: 0))  \(severity)  \(rule.summary)")
        }
        lines.append("")
        lines.append("\(rules.count) rules. 'vouch rules ID' explains one, with examples.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func title(of scope: RuleScope) -> String {
        switch scope {
        case .program: "Program files (vouch lint)"
        case .change: "Changes in git history (vouch evidence)"
        case .policyHistory: "Policy approvals in git history (vouch lint, inside a repository)"
        case .registers: "Registers with their acknowledgements and approvals in git (vouch lint, inside a repository)"
        }
    }

    public static func explain(_ rule: RuleDescription, style: TextStyle) -> String {
        var lines = [
            style.bold(rule.identifier) + " (\(rule.severity.rawValue), \(title(of: rule.scope)))",
            "",
            rule.summary + ".",
            "",
            rule.rationale,
        ]
        func showFile(_ path: String, _ content: String) {
            lines.append("  \(style.dim(path)):")
            let shown = content.count > 600 ? String(content.prefix(200)) + "…" : content
            for line in shown.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    " + line) }
        }
        func show(_ examples: [RuleExample], heading: String) {
            guard !examples.isEmpty else { return }
            lines.append("")
            lines.append(style.bold(heading))
            for example in examples {
                switch example {
                case .program(let files):
                    for path in files.keys.sorted() { showFile(path, files[path]!) }
                case .change(let change):
                    lines += changeLines(change, style: style)
                case .policyHistory(let history):
                    showFile(PolicyHistoryExample.path, history.policy)
                    lines.append("  \(style.dim("history")):")
                    lines.append("    latest change: \(historyLine(history.record.lastChange))")
                    lines.append("    last approved change: " + (history.record.lastApprovedChange.map(historyLine) ?? "none"))
                case .registers(let registers):
                    for path in registers.files.keys.sorted() { showFile(path, registers.files[path]!) }
                    lines.append("  \(style.dim("git")):")
                    for line in registers.historyLines { lines.append("    " + line) }
                }
                lines.append("")
            }
        }
        show(rule.passingExamples, heading: "Passes:")
        show(rule.failingExamples, heading: rule.scope == .change ? "Fails:" : "Fails (↓ marks where the finding points):")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A change example as a person would picture it: the commit, its notes, signature, paths and settings.
    static func changeLines(_ change: ChangeExample, style: TextStyle) -> [String] {
        var lines = ["  \(style.dim("commit")) by \(change.author), landed \(change.daysSinceLanding) day\(change.daysSinceLanding == 1 ? "" : "s") ago" + (change.mergedAuthor.map { ", merging a branch by \($0)" } ?? "") + ":"]
        for line in change.message.split(separator: "\n", omittingEmptySubsequences: false).reversed().drop(while: \.isEmpty).reversed() {
            lines.append("    " + line)
        }
        for note in change.notes {
            lines.append("  \(style.dim("note")) on \(note.reference), recorded \(note.daysAfterLanding) day\(note.daysAfterLanding == 1 ? "" : "s") after landing:")
            for line in note.text.split(separator: "\n") { lines.append("    " + line) }
            if let signature = change.approvalSignature { lines.append("    (approval signature: \(EvidenceReporter.describe(signature)))") }
        }
        lines.append("  \(style.dim("signature")): \(change.signature.map(EvidenceReporter.describe) ?? "none")")
        lines.append("  \(style.dim("paths")): \(change.paths.joined(separator: ", "))")
        var settings = ["required_approvals: \(change.requiredApprovals)"]
        if change.requireSigned { settings.append("require_signed: true") }
        if change.requireSignedApprovals { settings.append("require_signed_approvals: true") }
        if !change.bots.isEmpty { settings.append("bots: [\(change.bots.joined(separator: ", "))]") }
        lines.append("  \(style.dim("change_management")): \(settings.joined(separator: ", "))")
        return lines
    }

    static func historyLine(_ change: PolicyChange) -> String {
        "\(change.shortID) on \(change.date) by \(change.authors.map(\.description).joined(separator: ", "))"
            + (change.approvedBy.isEmpty ? ", not approved by a listed approver" : ", approved by \(change.approvedBy.map(\.description).joined(separator: ", "))")
    }

    public static func json(_ rules: [RuleDescription]) -> String {
        JSONValue.array(rules.map { rule in
            .object([
                ("id", .string(rule.identifier)),
                ("severity", .string(rule.severity.rawValue)),
                ("scope", .string(rule.scope.rawValue)),
                ("summary", .string(rule.summary)),
                ("rationale", .string(rule.rationale)),
            ])
        }).serialized() + "\n"
    }
}

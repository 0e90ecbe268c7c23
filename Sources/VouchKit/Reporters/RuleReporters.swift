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
        func show(_ examples: [RuleExample], heading: String) {
            guard !examples.isEmpty else { return }
            lines.append("")
            lines.append(style.bold(heading))
            for example in examples {
                switch example {
                case .program(let files):
                    for path in files.keys.sorted() {
                        let content = files[path]!
                        lines.append("  \(style.dim(path)):")
                        let shown = content.count > 600 ? String(content.prefix(200)) + "…" : content
                        for line in shown.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    " + line) }
                    }
                    lines.append("")
                }
            }
        }
        show(rule.passingExamples, heading: "Passes:")
        show(rule.failingExamples, heading: "Fails (↓ marks where the finding points):")
        return lines.joined(separator: "\n") + "\n"
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

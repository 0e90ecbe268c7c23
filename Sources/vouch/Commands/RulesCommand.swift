import ArgumentParser
import VouchKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or explain one with its rationale and examples."
    )

    @Argument(help: "A rule identifier to explain.")
    var identifier: String?

    @Option(help: "Output format.")
    var format: CatalogFormat = .text

    func run() throws {
        let rules = RuleRegistry.all
        guard let identifier else {
            try Terminal.emit(format == .json ? RuleReporter.json(rules) : RuleReporter.list(rules, style: Terminal.style()), to: nil)
            return
        }
        guard let rule = RuleRegistry.rule(identifier) else {
            let close = rules.map(\.identifier).filter { $0.contains(identifier) || identifier.contains($0) }
            throw ValidationError("no rule '\(identifier)'" + (close.isEmpty ? "; 'vouch rules' lists them" : "; did you mean \(close.joined(separator: ", "))?"))
        }
        try Terminal.emit(format == .json ? RuleReporter.json([rule]) : RuleReporter.explain(rule, style: Terminal.style()), to: nil)
    }
}

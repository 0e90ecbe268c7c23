struct ChangeBotUnapprovedRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-bot-unapproved", severity: .error, scope: .change,
        summary: "Changes authored by automation are approved by a person",
        rationale: "Dependency updates and other bot-authored changes reach production like any other; a person must approve them. Bots are accounts matching change_management.bots, and any name ending in [bot].",
        passingExamples: [.change(ChangeExample(message: "Bump yams from 6.2.1 to 6.2.2 (#40)\n", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n")]))],
        failingExamples: [.change(ChangeExample(message: "Bump yams from 6.2.1 to 6.2.2 (#40)\n", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"))])

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        change.isBot && context.requiredApprovals > 0 && change.independentApprovals.isEmpty
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) was authored by the automation account \(change.author.identity) and no person approved it; have a reviewer approve it ('vouch approve \(change.shortID)' or an 'Approved-by:' trailer) and require reviews for bot changes"
    }
}

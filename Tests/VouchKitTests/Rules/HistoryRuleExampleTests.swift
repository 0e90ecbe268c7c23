import Foundation
import Testing
// Runs each rule's examples against the rule's own logic, which stays internal so that rules
// are reached only through the registry everywhere else.
@testable import VouchKit

/// Every change and policy-history rule's documented examples, run through the real logic.
@Suite struct HistoryRuleExampleTests {
    @Test(arguments: RuleRegistry.changeRules.map(\.description.identifier))
    func changeExamples(identifier: String) throws {
        let rule = try #require(RuleRegistry.rule(identifier))
        #expect(rule.scope == .change)
        #expect(!rule.passingExamples.isEmpty && !rule.failingExamples.isEmpty)
        for example in rule.passingExamples {
            guard case .change(let change) = example else { Issue.record("\(rule.identifier): not a change example"); continue }
            let record = change.record()
            #expect(!record.exceptions.contains { $0.rule.identifier == rule.identifier }, "\(rule.identifier) passing example: \(record.exceptions.map(\.message))")
        }
        for example in rule.failingExamples {
            guard case .change(let change) = example else { Issue.record("\(rule.identifier): not a change example"); continue }
            let record = change.record()
            let exception = record.exceptions.first { $0.rule.identifier == rule.identifier }
            #expect(exception != nil, "\(rule.identifier) failing example raised \(record.exceptions.map(\.rule.identifier))")
            #expect(exception?.message.contains(record.shortID) == true)
        }
    }

    @Test(arguments: RuleRegistry.policyHistoryRules.map(\.description.identifier))
    func policyHistoryExamples(identifier: String) throws {
        let rule = try #require(RuleRegistry.rule(identifier))
        #expect(rule.scope == .policyHistory)
        #expect(rule.severity == .warning)
        for (examples, failing) in [(rule.passingExamples, false), (rule.failingExamples, true)] {
            for example in examples {
                guard case .policyHistory(let history) = example else { Issue.record("\(rule.identifier): not a policy history example"); continue }
                let marker = history.policy.split(separator: "\n", omittingEmptySubsequences: false).enumerated().first { $0.element.contains("↓") }
                let files = [
                    "vouch.yml": RuleExample.defaultConfiguration,
                    PolicyHistoryExample.path: history.policy.replacingOccurrences(of: "↓", with: ""),
                ]
                let program = try Program.load(from: MemoryFileSource(files))
                let report = Linter.lint(program, options: LintOptions(today: CalendarDate("2026-11-23")!, policyHistory: [history.record.policyID: history.record]))
                let found = report.findings.filter { $0.rule == rule.identifier }
                if failing {
                    #expect(found.count == 1, "\(rule.identifier): \(report.findings)")
                    if let marker, let finding = found.first {
                        #expect(finding.line == marker.offset + 1)
                        #expect(finding.column == marker.element.distance(from: marker.element.startIndex, to: marker.element.firstIndex(of: "↓")!) + 1)
                    }
                } else {
                    #expect(found.isEmpty, "\(rule.identifier): \(found)")
                }
                // The date-only check steps aside when history is known.
                #expect(!report.findings.contains { $0.rule == PolicyReviewOverdueRule.description.identifier })
            }
        }
    }

    @Test func historyRulesAreRegisteredAndExplained() {
        let identifiers = RuleRegistry.historyRules.map(\.identifier)
        #expect(identifiers.contains("change-unreviewed") && identifiers.contains("policy-change-unapproved"))
        #expect(Set(RuleRegistry.all.map(\.identifier)).count == RuleRegistry.all.count)
        let explained = RuleReporter.explain(ChangeEmergencyUnreviewedRule.description, style: TextStyle(color: false))
        #expect(explained.contains("Emergency: invoices stopped going out"))
        #expect(explained.contains("recorded 9 days after landing"))
        let policy = RuleReporter.explain(PolicyChangeUnapprovedRule.description, style: TextStyle(color: false))
        #expect(policy.contains("policies/example.md"))
        #expect(policy.contains("latest change: a1a1a1a1a1a1 on 2026-03-01 by Alice Example <alice@example.com>, not approved by a listed approver"))
    }
}

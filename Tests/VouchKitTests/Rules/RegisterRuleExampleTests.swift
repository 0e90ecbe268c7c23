import Testing
import VouchKit

/// Runs the register rules' examples that carry git evidence (acknowledgements, risk approvals):
/// failing ones must report the rule at each `↓`, passing ones must not.
@Suite struct RegisterRuleExampleTests {
    static let rules = RuleRegistry.all.filter { rule in
        (rule.passingExamples + rule.failingExamples).contains { if case .registers = $0 { true } else { false } }
    }

    @Test func rulesWithGitEvidenceHaveExamples() {
        #expect(Set(Self.rules.map(\.identifier)).isSuperset(of: ["policy-unacknowledged", "risk-acceptance-unapproved"]))
    }

    @Test(arguments: rules)
    func examples(_ rule: RuleDescription) throws {
        for (examples, failing) in [(rule.passingExamples, false), (rule.failingExamples, true)] {
            for example in examples {
                guard case .registers(let registers) = example else { continue }
                let marked = RuleExampleTests.unmark(registers.files)
                let options = LintOptions(today: TestSupport.today, policyHistory: registers.policyHistory, registers: registers.evidence)
                let found = try Linter.lint(MemoryFileSource(marked.files), options: options).findings.filter { $0.rule == rule.identifier }
                if failing {
                    #expect(!found.isEmpty, "\(rule.identifier) did not fire")
                    for location in marked.expected {
                        #expect(found.contains { $0.location == location }, "\(rule.identifier): expected \(location), got \(found.map(\.location))")
                    }
                } else {
                    #expect(found.isEmpty, "\(rule.identifier): \(found.map(\.message))")
                }
            }
        }
    }
}

import Testing
// Runs each rule's examples against the rule's own logic, which stays internal so that rules
// are reached only through the registry everywhere else.
@testable import VouchKit

/// Runs every rule's own examples: failing ones must report the rule (at each `↓`), passing ones
/// must not. This keeps the documentation `vouch rules` prints honest.
@Suite struct RuleExampleTests {
    static let programRules = RuleRegistry.all.filter { $0.scope == .program }

    struct Marked {
        var files: [String: String]
        var expected: [VouchKit.SourceLocation]
    }

    /// Removes the `↓` markers and records where each one stood.
    static func unmark(_ files: [String: String]) -> Marked {
        var cleaned: [String: String] = [:]
        var expected: [VouchKit.SourceLocation] = []
        for (path, contents) in files {
            var output = ""
            var line = 1, column = 1
            for character in contents {
                if character == "↓" {
                    expected.append(VouchKit.SourceLocation(file: path, line: line, column: column))
                    continue
                }
                output.append(character)
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            cleaned[path] = output
        }
        if cleaned[Configuration.fileName] == nil { cleaned[Configuration.fileName] = RuleExample.defaultConfiguration }
        return Marked(files: cleaned, expected: expected)
    }

    static func findings(of rule: RuleDescription, in files: [String: String]) throws -> [Finding] {
        let report = try Linter.lint(MemoryFileSource(files), options: LintOptions(today: TestSupport.today))
        return report.findings.filter { $0.rule == rule.identifier }
    }

    @Test func everyProgramRuleHasAFailingExample() {
        let missing = Self.programRules.filter { $0.failingExamples.isEmpty && $0.identifier != FileSymlinkRule.description.identifier }
        #expect(missing.isEmpty, "rules without a failing example: \(missing.map(\.identifier))")
    }

    @Test(arguments: programRules)
    func failingExamplesReport(_ rule: RuleDescription) throws {
        for example in rule.failingExamples {
            guard case .program(let files) = example else { continue }
            let marked = Self.unmark(files)
            let found = try Self.findings(of: rule, in: marked.files)
            #expect(!found.isEmpty, "\(rule.identifier) did not fire on \(marked.files)")
            for location in marked.expected {
                #expect(found.contains { $0.location == location }, "\(rule.identifier): expected a finding at \(location), got \(found.map(\.location))")
            }
            #expect(found.allSatisfy { $0.severity == rule.severity })
        }
    }

    @Test(arguments: programRules)
    func passingExamplesStaySilent(_ rule: RuleDescription) throws {
        for example in rule.passingExamples {
            guard case .program(let files) = example else { continue }
            let found = try Self.findings(of: rule, in: Self.unmark(files).files)
            #expect(found.isEmpty, "\(rule.identifier) fired on a passing example: \(found.map(\.message))")
        }
    }

    @Test func identifiersAreUniqueAndDescribed() {
        let identifiers = RuleRegistry.all.map(\.identifier)
        #expect(Set(identifiers).count == identifiers.count)
        for rule in RuleRegistry.all {
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty, "\(rule.identifier)")
            #expect(rule.identifier.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(rule.identifier)")
        }
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { identifier }
}

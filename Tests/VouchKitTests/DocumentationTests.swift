import Foundation
import Testing
import VouchKit

/// The README is the reference people read: it must name every rule and every command.
@Suite struct DocumentationTests {
    static func readme() throws -> String {
        try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test func everyRuleIsDocumented() throws {
        let text = try Self.readme()
        let missing = RuleRegistry.all.map(\.identifier).filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "rules missing from README.md: \(missing)")
    }

    @Test func everyCommandIsDocumented() throws {
        let text = try Self.readme()
        let help = try TestSupport.vouch(["--help"], in: TestSupport.packageRoot).stdout
        let commands = help.components(separatedBy: "\n")
            .drop { !$0.hasPrefix("SUBCOMMANDS") }.dropFirst()
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("'vouch help") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(!commands.isEmpty)
        for command in commands { #expect(text.contains("vouch \(command)"), "README does not document 'vouch \(command)'") }
    }
}

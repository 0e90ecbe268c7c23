import ArgumentParser
import Foundation
import VouchKit

@main
struct Vouch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vouch",
        abstract: "Controls as code: lint a SOC 2 / SOC 1 program kept in git, show its coverage, and produce the evidence.",
        discussion: """
            Exit status: 0 clean, 1 findings, 2 usage, configuration or environment error.
            """,
        version: VouchVersion.current,
        subcommands: [
            LintCommand.self, CheckCommand.self, CoverageCommand.self, CriteriaCommand.self, RulesCommand.self, InitCommand.self,
            EvidenceCommand.self, ApproveCommand.self, ExportCommand.self, VerifyCommand.self, HookCommand.self,
        ]
    )

    /// Parses and runs like `ParsableCommand.main()`, but maps usage errors to exit status 2,
    /// the project's one status for "the command could not run as asked".
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.error(failure.message)
            Foundation.exit(ExitStatus.failure)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(code == .failure && !(error is ValidationError) ? ExitStatus.failure : ExitStatus.usage)
        }
    }
}

enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    /// Usage, configuration or environment error.
    static let usage: Int32 = 2
    static let failure: Int32 = 2
}

/// A failure to run as asked (no program, unreadable configuration, not a repository): exit 2.
struct CommandFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

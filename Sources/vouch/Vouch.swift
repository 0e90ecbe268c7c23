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
            EvidenceCommand.self, ApproveCommand.self, GitHubCommand.self, GitLabCommand.self, AcknowledgeCommand.self, PeopleCommand.self, RunsCommand.self, ExportCommand.self, VerifyCommand.self, HookCommand.self,
        ]
    )

    /// No "Error: " of the parser's own before a usage error's message: `Terminal.error` already
    /// writes "vouch: error: ".
    static var _errorPrefix: String { "" }

    /// Parses and runs like `ParsableCommand.main()`; the one place errors become messages and
    /// statuses. The library's errors (and the command line's own) carry their status; usage
    /// errors end with 2, the project's one status for "the command could not run as asked".
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any VouchError {
            Terminal.error(error.description)
            Foundation.exit(error.exitStatus.rawValue)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.failure.rawValue)
        }
    }
}

extension ExitCode {
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

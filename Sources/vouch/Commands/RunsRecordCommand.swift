import ArgumentParser
import Foundation
import VouchKit

extension RunResult: ExpressibleByArgument {}

struct RunsRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Write a run record, copying the attached files beside it with their SHA-256.",
        discussion: """
            Writes runs/CONTROL/OCCURRENCE.md and copies each --attach file into runs/CONTROL/OCCURRENCE/. \
            Defaults: the oldest occurrence of the period, up to the one holding the performed date, \
            that has no record; today; your git identity as the performer. Never overwrites a file; \
            refuses attachments over 10 MiB (keep those elsewhere and name them by 'url:' and 'sha256:').
            Exit status: 0 written, 2 usage error or refusal.
            """
    )

    @Argument(help: ArgumentHelp("The control's id.", valueName: "control"))
    var control: String

    @Option(help: ArgumentHelp("The occurrence evidenced (2026, 2026-Q1, 2026-03, 2026-W07, 2026-03-14).", valueName: "occurrence"))
    var occurrence: String?

    @Option(help: ArgumentHelp("When the work was done (YYYY-MM-DD). Default: today.", valueName: "date"))
    var performed: CalendarDate?

    @Option(help: "effective, exceptions or not-performed.")
    var result: RunResult = .effective

    @Option(name: .customLong("performed-by"), help: ArgumentHelp("Who did it, 'Name <email>'. Default: your git identity.", valueName: "identity"))
    var performedBy: String?

    @Option(name: .customLong("reviewed-by"), help: ArgumentHelp("Who signs it off, 'Name <email>'.", valueName: "identity"))
    var reviewedBy: String?

    @Option(name: .customLong("attach"), parsing: .upToNextOption, help: ArgumentHelp("Files to copy in as artefacts.", valueName: "file"))
    var attachments: [String] = []

    @Option(name: .customLong("exception"), help: ArgumentHelp("An exception found (repeatable; pair each with --remediation).", valueName: "text"))
    var exceptions: [String] = []

    @Option(name: .customLong("remediation"), help: ArgumentHelp("What was done about the exception of the same position.", valueName: "text"))
    var remediations: [String] = []

    @Option(help: ArgumentHelp("The record's body: what was reviewed, how, and what came of it.", valueName: "text"))
    var message: String?

    @OptionGroup var program: ProgramOptions

    func identity(_ text: String, _ option: String) throws -> Identity {
        guard let identity = Identity(parsing: text) else { throw ValidationError("\(option) '\(text)' is not an identity; write 'Name <email>' or an email address") }
        return identity
    }

    func run() throws {
        guard exceptions.count == remediations.count else { throw ValidationError("give one --remediation for each --exception") }
        // The controls and their records are what the writer needs, not the artefacts' hashes.
        let (location, loaded) = try program.workspace.loadProgram(readingRunArtifacts: false)
        let performer: Identity
        if let performedBy {
            performer = try identity(performedBy, "--performed-by")
        } else if let repository = Workspace.repository(of: location), let configured = try repository.configuredIdentity() {
            performer = configured
        } else {
            throw ValidationError("git does not know who you are; pass --performed-by 'Name <email>' or set git config user.name and user.email")
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let request = RunRecordWriter.Request(
            control: control, occurrence: occurrence, performed: performed ?? .today, result: result, performedBy: performer,
            reviewedBy: try reviewedBy.map { try identity($0, "--reviewed-by") },
            attachments: attachments.map { URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL },
            exceptions: Array(zip(exceptions, remediations)).map { (finding: $0.0, remediation: $0.1) }, message: message)
        for path in try RunRecordWriter(program: loaded, root: location.root).write(request) {
            print("Wrote \(path)")
        }
    }
}

import ArgumentParser
import Foundation
import VouchKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the auditor's package: the system description (HTML, Markdown, JSON), OSCAL, evidence and a manifest.",
        discussion: """
            Reads the program from a commit (HEAD unless --rev names another), never from the work \
            tree, so the same commit always gives the same bytes. Writes only into --out DIR, which \
            must be empty or new unless --force is given.
            Exit status: 0 written, 2 usage, configuration or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions

    @Option(help: ArgumentHelp("The folder to write the package into.", valueName: "dir"))
    var out: String

    @Option(help: "The report the system description is written for.")
    var report: ReportKind = .soc2

    @Option(help: ArgumentHelp("Comma-separated renderings: html, md, json, oscal, or all.", valueName: "formats"))
    var format: ExportFormatList = ExportFormatList(formats: Set(ExportFormat.allCases))

    @Option(help: ArgumentHelp("The commit to export (a branch, tag or commit id).", valueName: "rev"))
    var rev: String = "HEAD"

    @Flag(help: "Replace the contents of a non-empty --out folder.")
    var force = false

    @Flag(help: "Name the people of the joiner and leaver populations in the package (by default only counted: a system description is often shared with customers).")
    var includePeople = false

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var objects: ObjectVerificationOptions

    func run() throws {
        objects.apply()
        let (_, repository, programPath) = try program.workspace.committedProgram()
        var input: ExportInput
        do {
            input = try ExportSource.read(repository: repository, revision: rev, programPath: programPath, evidence: false)
        } catch let error as ProgramError {
            // Read from a commit, not the work tree: say which.
            throw CommandFailure("\(error.description) (at \(rev))")
        }
        let errors = try ExportSource.readEvidenceLinting(into: &input, repository: repository, lintOptions: LintOptions(today: judging.today)).summary.errors
        input.includePeople = includePeople
        input.runsJudgedOn = judging.asOf
        if let problem = input.evidenceProblem {
            Terminal.warning("the change population and policy approvals are left out, marked not available: \(problem)")
        }
        if errors > 0 {
            Terminal.warning("the program at \(rev) has \(errors) lint error\(errors == 1 ? "" : "s"); the package shows it as it is (run 'vouch lint')")
        }
        let outURL = URL(fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)).standardizedFileURL
        let package = try Exporter.package(input, options: ExportOptions(report: report.exportReport, formats: format.formats, toolVersion: VouchVersion.current))
        try PackageWriter.write(package, to: outURL, force: force, copiesFrom: repository)
        for artifact in package.manifest.runs?.artifacts ?? [] {
            switch artifact.status {
            case .mismatch: Terminal.warning("\(artifact.reference): SHA-256 \(artifact.found ?? "none") is not the \(artifact.recorded ?? "none") that \(artifact.record) gives; copied as the commit holds it, the mismatch recorded in manifest.json")
            case .missing: Terminal.warning("\(artifact.reference), named by \(artifact.record), is not in the commit; recorded as missing in manifest.json")
            case .matches, .external: break
            }
        }
        let population = input.changes.map { ", \($0.summary.count) change\($0.summary.count == 1 ? "" : "s") in the population" } ?? ""
        print("wrote \(package.files.count + package.copies.count) files to \(outURL.path) from commit \(input.origin.commit)\(population)")
    }
}

/// `--format html,md` or `--format all`.
struct ExportFormatList: ExpressibleByArgument {
    var formats: Set<ExportFormat>

    init(formats: Set<ExportFormat>) { self.formats = formats }

    init?(argument: String) {
        var formats: Set<ExportFormat> = []
        for name in argument.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                formats.formUnion(ExportFormat.allCases)
            } else if let format = ExportFormat(rawValue: name) {
                formats.insert(format)
            } else {
                return nil
            }
        }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
    }

    var defaultValueDescription: String { "all" }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) + ["all"] }
}

extension ReportKind {
    var exportReport: ExportReport {
        switch self {
        case .soc2: .soc2
        case .soc1: .soc1
        }
    }
}

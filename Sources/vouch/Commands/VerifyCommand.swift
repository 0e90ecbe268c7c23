import ArgumentParser
import Foundation
import VouchKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an exported package: its files against its manifest and, inside the repository, against the commit it records.",
        discussion: """
            Re-hashes every file of the package. Inside the repository it was exported from (or \
            with --repository), also checks every source file at the recorded commit and rebuilds \
            the package from that commit to compare it byte for byte.
            Exit status: 0 everything matches, 1 any difference, 2 usage or environment error.
            """
    )

    @Argument(help: ArgumentHelp("The package folder (the --out of 'vouch export').", valueName: "dir"))
    var folder: String

    @Option(help: ArgumentHelp("The git repository to check the sources in. Default: the one around the current folder.", valueName: "dir"))
    var repository: String?

    @OptionGroup var objects: ObjectVerificationOptions

    func run() throws {
        objects.apply()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let folderURL = URL(fileURLWithPath: folder, relativeTo: current).standardizedFileURL
        let gitRepository = try Workspace(current: current).sourceRepository(at: repository)
        let report = try PackageVerifier.verify(folder: folderURL, repository: gitRepository, toolVersion: VouchVersion.current)
        var lines: [String] = []
        let commit = report.manifest.origin.commit
        for difference in report.differences { lines.append("DIFFERENT  \(difference)") }
        for note in report.notes { lines.append("note: \(note)") }
        if !report.manifest.objectsVerified { lines.append("note: the package was exported without checking object hashes (--no-verify-objects)") }
        var checked = "\(report.outputsChecked) output files"
        if report.sourcesChecked > 0 { checked += ", \(report.sourcesChecked) source files at commit \(commit)" }
        if report.regenerated { checked += ", rebuilt from the commit" }
        if report.sourcesChecked > 0, ObjectVerification.isEnabled { checked += ", object hashes checked" }
        if report.isClean {
            lines.append("verified: \(checked)")
        } else {
            lines.append("\(report.differences.count) difference\(report.differences.count == 1 ? "" : "s") (checked \(checked))")
        }
        print(lines.joined(separator: "\n"))
        throw ExitCode(report.isClean ? ExitStatus.clean : ExitStatus.findings)
    }
}

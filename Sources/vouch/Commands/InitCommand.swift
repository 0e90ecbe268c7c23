import ArgumentParser
import Foundation
import VouchKit

extension TrustServicesCategory: ExpressibleByArgument {}
extension ReviewPlatform: ExpressibleByArgument {}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the starter program (vouch.yml, controls, policies, objectives, system description) into this repository.",
        discussion: """
            Refuses to overwrite any existing file, and then writes nothing.
            With --ci github|gitlab, writes only the CI definition that records the platform's approvals when a \
            request merges and pushes refs/notes/vouch (see docs/ci.md): .github/workflows/vouch-record.yml, or \
            .gitlab/ci/vouch-record.yml to include from .gitlab-ci.yml. An existing file is kept unless --force.
            """
    )

    @Option(help: "The organisation's name, written into vouch.yml.")
    var organization: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("SOC 2 categories in scope (security is always included).", valueName: "category"))
    var categories: [TrustServicesCategory] = []

    @Option(help: ArgumentHelp("Where to write the program. Default: the root of the current git repository, or the current folder.", valueName: "dir"))
    var root: String?

    @Option(help: ArgumentHelp("Write the CI definition that records this platform's approvals on merge, instead of the program.", valueName: "github|gitlab"))
    var ci: ReviewPlatform?

    @Flag(help: "With --ci: replace the file if it exists.")
    var force = false

    func validate() throws {
        if force && ci == nil { throw ValidationError("--force applies only to --ci (the program is never overwritten)") }
        if ci != nil && (organization != nil || !categories.isEmpty) { throw ValidationError("--ci writes only the CI definition; --organization and --categories are for the program") }
    }

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let target = Workspace(current: current, root: root).starterTarget
        if let ci {
            try writeWorkflow(ci, into: target)
            return
        }
        let chosen = categories.isEmpty ? nil : categories
        let written = try StarterProgram.write(to: target, organization: organization, categories: chosen)
        print("Wrote the starter program to \(target.path) (\(written.count) files).")
        let uncovered = Set(chosen ?? []).subtracting([.security, .availability, .confidentiality])
        for category in uncovered.sorted(by: { $0.rawValue < $1.rawValue }) {
            Terminal.warning("the starter program has no controls for \(category.rawValue) yet; 'vouch lint' lists the criteria to cover")
        }
        print("Next: edit vouch.yml and the documents, then run 'vouch lint' and 'vouch coverage'.")
    }

    private func writeWorkflow(_ platform: ReviewPlatform, into root: URL) throws {
        let path = RecordingWorkflow.path(for: platform)
        let file = root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: file.path) && !force {
            throw CommandFailure("\(path) exists and is kept as it is; replace it with --force")
        }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(RecordingWorkflow.text(for: platform).utf8).write(to: file)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        print("Wrote \(path).")
        switch platform {
        case .github:
            print("Next: commit it; each merged pull request's reviews are then recorded on refs/notes/vouch. Backfill the period before it with 'vouch github import'.")
        case .gitlab:
            print("Next: add it to .gitlab-ci.yml (include: - local: \(path)), set GITLAB_TOKEN as a masked CI/CD variable (a project access token with read_api and write_repository), and commit. Backfill with 'vouch gitlab import'.")
        }
    }
}

import ArgumentParser
import Foundation
import VouchKit

extension TrustServicesCategory: ExpressibleByArgument {}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the starter program (vouch.yml, controls, policies, objectives, system description) into this repository.",
        discussion: "Refuses to overwrite any existing file, and then writes nothing."
    )

    @Option(help: "The organisation's name, written into vouch.yml.")
    var organization: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("SOC 2 categories in scope (security is always included).", valueName: "category"))
    var categories: [TrustServicesCategory] = []

    @Option(help: ArgumentHelp("Where to write the program. Default: the root of the current git repository, or the current folder.", valueName: "dir"))
    var root: String?

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let target = Workspace(current: current, root: root).starterTarget
        let chosen = categories.isEmpty ? nil : categories
        let written = try StarterProgram.write(to: target, organization: organization, categories: chosen)
        print("Wrote the starter program to \(target.path) (\(written.count) files).")
        let uncovered = Set(chosen ?? []).subtracting([.security, .availability, .confidentiality])
        for category in uncovered.sorted(by: { $0.rawValue < $1.rawValue }) {
            Terminal.warning("the starter program has no controls for \(category.rawValue) yet; 'vouch lint' lists the criteria to cover")
        }
        print("Next: edit vouch.yml and the documents, then run 'vouch lint' and 'vouch coverage'.")
    }
}

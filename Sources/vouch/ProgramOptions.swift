import ArgumentParser
import Foundation
import VouchKit

/// Options shared by every command that reads a program.
struct ProgramOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The program's root folder (the one with vouch.yml). Default: the nearest one from the current folder upwards.", valueName: "dir"))
    var root: String?

    private var current: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }
    private var explicitRoot: URL? { root.map { URL(fileURLWithPath: $0, relativeTo: current) } }

    func locate() throws -> ProgramLocation {
        try gitCall { try ProgramLocator.locate(from: current, explicitRoot: explicitRoot) }
    }

    /// Reads the program from disk; environment problems become exit-2 failures.
    func loadProgram() throws -> (ProgramLocation, Program) {
        let location = try locate()
        return (location, try gitCall { try Program.load(from: location.directorySource) })
    }

    /// The git repository around the current folder (or `--root`).
    func repository() throws -> Repository {
        let start = explicitRoot ?? current
        guard let repository = try gitCall({ try Repository.discover(from: start.path) }), !repository.isBare else {
            throw CommandFailure("\(start.path) is not inside a git work tree; run this in the repository that holds the program")
        }
        return repository
    }

    /// The program and the git repository whose work tree holds it.
    func locateInRepository() throws -> (ProgramLocation, Repository) {
        let location = try locate()
        guard let repositoryRoot = location.repositoryRoot,
              let repository = try gitCall({ try Repository.discover(from: repositoryRoot.path) }) else {
            throw CommandFailure("the program at \(location.root.path) is not inside a git work tree; run 'git init' there first")
        }
        return (location, repository)
    }

    /// Finds the program in git's index (`--staged`), as `git commit` would record it.
    func locateStaged(environment: [String: String]) throws -> StagedProgramLocation {
        try gitCall { try ProgramLocator.locateStaged(from: current, explicitRoot: explicitRoot, environment: environment) }
    }
}


extension FindingFormat: ExpressibleByArgument {}
extension CoverageFormat: ExpressibleByArgument {}

enum CatalogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ReportKind: String, ExpressibleByArgument, CaseIterable {
    case soc2, soc1
}

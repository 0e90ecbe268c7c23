import ArgumentParser
import Foundation
import VouchKit

/// Options shared by every command that reads a program.
struct ProgramOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The program's root folder (the one with vouch.yml). Default: the nearest one from the current folder upwards.", valueName: "dir"))
    var root: String?

    /// Where the command works: the program, its repository and its folder there are found
    /// through it (see `Workspace`).
    var workspace: Workspace {
        Workspace(current: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true), root: root)
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

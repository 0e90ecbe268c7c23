import ArgumentParser
import Foundation
import VouchKit

/// Options shared by every command that reads a program.
struct ProgramOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The program's root folder (the one with vouch.yml). Default: the nearest one from the current folder upwards.", valueName: "dir"))
    var root: String?

    func locate() throws -> ProgramLocation {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        do {
            return try ProgramLocator.locate(from: current, explicitRoot: root.map { URL(fileURLWithPath: $0, relativeTo: current) })
        } catch let error as ProgramError {
            throw CommandFailure(error.description)
        }
    }

    /// Reads the program from disk; environment problems become exit-2 failures.
    func loadProgram() throws -> (ProgramLocation, Program) {
        let location = try locate()
        do {
            return (location, try Program.load(from: location.directorySource))
        } catch let error as ProgramError {
            throw CommandFailure(error.description)
        }
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

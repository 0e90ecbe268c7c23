import ArgumentParser
import Foundation
import VouchKit

struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria",
        abstract: "List the criteria of SOC 2 or of a custom framework (IDs, categories and short topics)."
    )

    @Option(help: ArgumentHelp("soc2, or the name of a framework in frameworks/NAME.yml.", valueName: "name"))
    var framework: String = "soc2"

    @Option(help: "Output format.")
    var format: CatalogFormat = .text

    @OptionGroup var program: ProgramOptions

    func run() throws {
        let key = framework.lowercased()
        let catalog: Catalog
        if key == CriterionReference.soc2Key {
            catalog = SOC2Catalog.catalog
        } else {
            let (_, loaded) = try program.workspace.loadProgram()
            guard let found = loaded.catalogs[key] else {
                throw ValidationError("no framework '\(framework)'; known: \(loaded.catalogs.keys.sorted().joined(separator: ", "))")
            }
            catalog = found
        }
        try Terminal.emit(format == .json ? CatalogReporter.json(catalog) : CatalogReporter.text(catalog), to: nil)
    }
}

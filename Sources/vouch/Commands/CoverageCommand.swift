import ArgumentParser
import VouchKit

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show which controls cover each criterion (SOC 2), objective (SOC 1) or framework requirement.",
        discussion: "Exit status: 0 everything in scope is covered, 1 something is uncovered or only planned, 2 configuration or environment error."
    )

    @OptionGroup var program: ProgramOptions

    @Option(help: "Output format.")
    var format: CoverageFormat = .text

    @Option(help: "The report whose matrix to show.")
    var report: ReportKind = .soc2

    @Option(help: ArgumentHelp("A custom framework from frameworks/NAME.yml instead of a report.", valueName: "name"))
    var framework: String?

    func run() throws {
        let (_, loaded) = try program.workspace.loadProgram()
        let matrix: CoverageMatrix
        let key: String
        if let framework {
            guard let found = CoverageMatrix.framework(framework.lowercased(), in: loaded) else {
                throw ValidationError("no framework '\(framework)'; known: \(loaded.catalogs.keys.sorted().joined(separator: ", "))")
            }
            (matrix, key) = (found, "criteria")
        } else if report == .soc1 {
            (matrix, key) = (CoverageMatrix.soc1(loaded), "objectives")
        } else {
            (matrix, key) = (CoverageMatrix.soc2(loaded), "criteria")
        }
        try Terminal.emit(CoverageReporter.render(matrix, format: format, key: key, style: Terminal.style()), to: nil)
        let gaps = matrix.count(.uncovered) + matrix.count(.planned)
        throw ExitCode(gaps > 0 ? ExitStatus.findings : ExitStatus.clean)
    }
}

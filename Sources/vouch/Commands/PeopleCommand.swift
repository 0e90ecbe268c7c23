import ArgumentParser
import Foundation
import VouchKit

extension PeopleFormat: ExpressibleByArgument {}

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "The populations auditors sample from the roster (people/people.csv), and importing an HR export into it.",
        subcommands: [PeopleListCommand.self, PeopleImportCommand.self],
        defaultSubcommand: PeopleListCommand.self
    )
}

struct PeopleListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List joiners (--hired), leavers (--left) or everyone employed in the period, with a reproducible sample.",
        discussion: """
            The period is the report period in vouch.yml; --since and --until replace its first and last day. A sample \
            ranks people by sha256(SEED:EMAIL) and keeps the smallest; 'auto' takes the size auditors \
            commonly use for a control that operates as often as these events happen.
            Exit status: 0 listed, 2 usage or configuration error.
            """
    )

    @Flag(help: "People who started in the period.")
    var hired = false

    @Flag(help: "People who left in the period.")
    var left = false

    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("Draw a reproducible sample of N people, or 'auto' for the suggested size.", valueName: "N|auto"))
    var sample: SampleRequest?

    @Option(help: ArgumentHelp("The sample's seed. Default: the period, as START..END.", valueName: "text"))
    var seed: String?

    @Option(help: "Output format.")
    var format: PeopleFormat = .text

    @OptionGroup var program: ProgramOptions

    func run() throws {
        if hired && left { throw ValidationError("choose --hired or --left, not both") }
        if seed != nil, sample == nil { throw ValidationError("--seed needs --sample") }
        let (_, loaded) = try program.workspace.loadProgram()
        guard let roster = loaded.people else {
            throw CommandFailure("the program has no roster; keep it in \(ProgramLayout.peopleFile) (vouch people import can create it from an HR export)")
        }
        let period = try self.period.days(defaultingTo: loaded.configuration.period)
        let population = PeoplePopulation(roster: roster, kind: hired ? .hired : left ? .left : .employed, period: period)
        var drawn: (people: [Person], seed: String)?
        if let sample {
            let size = if case .size(let size) = sample { size } else { population.suggestedSampleSize }
            let seed = seed ?? "\(period.start)..\(period.end)"
            drawn = (population.sample(size: size, seed: seed), seed)
        }
        print(PeoplePopulationReporter.render(population, sample: drawn, format: format), terminator: "")
    }
}

struct PeopleImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge an HR export (CSV) into people/people.csv, reporting joiners, leavers and changed rows.",
        discussion: """
            People are matched by email. Mapped columns take the export's values; other columns are kept. \
            Nobody is removed: a person missing from the export stays on the roster and is listed, since \
            only an end date says someone left. New people get policies_required 'all' unless it is mapped.
            Exit status: 0 merged (or nothing to change), 2 usage or input error.
            """
    )

    @Argument(help: ArgumentHelp("The HR export, CSV with a header row.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Roster column = export column, comma-separated: name=Full Name,email=Work Email,start=Hire Date,end=Termination Date.", valueName: "map"))
    var map: String

    @Flag(help: "Report what would change without writing the roster.")
    var dryRun = false

    @OptionGroup var program: ProgramOptions

    func run() throws {
        var mapping: [String: String] = [:]
        for pair in map.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ValidationError("--map takes COLUMN=EXPORT-COLUMN pairs separated by commas; '\(pair)' is not one") }
            mapping[parts[0].lowercased()] = parts[1]
        }
        let (location, _) = try program.workspace.loadProgram()
        let rosterURL = location.root.appendingPathComponent(ProgramLayout.peopleFile)
        guard let export = try? String(contentsOfFile: file, encoding: .utf8) else { throw CommandFailure("cannot read \(file) as UTF-8 text") }
        let existing = try? String(contentsOf: rosterURL, encoding: .utf8)
        let merged: RosterImport
        do {
            merged = try RosterImport(roster: existing, export: export, mapping: mapping)
        } catch let problem as RosterImport.Problem {
            throw CommandFailure(problem.description)
        }
        func describe(_ change: RosterImport.Change) -> String {
            "  \(change.name.isEmpty ? change.email : "\(change.name) <\(change.email)>")" + (change.fields.isEmpty ? "" : ": " + change.fields.map { "\($0.column) '\($0.old)' → '\($0.new)'" }.joined(separator: ", "))
        }
        for (title, changes) in [("Joiners", merged.joiners), ("Leavers", merged.leavers), ("Changed", merged.changed)] where !changes.isEmpty {
            print("\(title) (\(changes.count)):")
            changes.forEach { print(describe($0)) }
        }
        if !merged.missingFromExport.isEmpty {
            print("Not in the export, kept on the roster (set their end date if they left) (\(merged.missingFromExport.count)):")
            merged.missingFromExport.forEach { print("  \($0)") }
        }
        if !merged.skippedLines.isEmpty {
            Terminal.warning("skipped export line\(merged.skippedLines.count == 1 ? "" : "s") without an email: \(merged.skippedLines.map(String.init).joined(separator: ", "))")
        }
        if merged.isUnchanged {
            print("The roster already matches the export.")
            return
        }
        guard !dryRun else { return }
        try FileManager.default.createDirectory(at: rosterURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(merged.roster.utf8).write(to: rosterURL)
        print("Wrote \(ProgramLayout.peopleFile).")
    }
}

import ArgumentParser
import VouchKit

struct RunsSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "A reproducible sample of a control's occurrences, ranked like change samples.",
        discussion: """
            Samples the occurrences due by the judging date, ranking each by \
            sha256(SEED:CONTROL:OCCURRENCE) and keeping the smallest, in calendar order. 'auto' takes \
            the size audit firms commonly use for the control's frequency (annual 1, quarterly 2, \
            monthly 2, weekly 5, daily 20), or vouch.yml's 'sampling'.
            Exit status: 0 drawn, 2 usage or configuration error.
            """
    )

    @Option(help: ArgumentHelp("The control to sample.", valueName: "id"))
    var control: String

    @Option(help: ArgumentHelp("How many occurrences, or 'auto'.", valueName: "N|auto"))
    var size: SampleRequest = .suggested

    @Option(help: ArgumentHelp("The sample's seed. Default: the period, as START..END.", valueName: "text"))
    var seed: String?

    @OptionGroup var judging: JudgingOptions

    @Option(help: "Output format.")
    var format: RunsFormat = .text

    @OptionGroup var program: ProgramOptions

    func run() throws {
        let (_, loaded, calendar) = try RunsCommand.calendar(program, on: judging.today)
        let runs = try RunsCommand.select([control], in: calendar, program: loaded)[0]
        // A control with runs implies a Type 2 period; the guard keeps that assumption visible.
        guard let period = calendar.period else { throw ValidationError("the program has no Type 2 period, so no control expects runs") }
        let requested: Int? = if case .size(let size) = size { size } else { nil }
        // The export's seed, so the package's sample is the one this command draws.
        let sample = RunSample(runs, size: requested, seed: seed ?? RunPopulation.seed(period), sizes: loaded.configuration.sampleSizes)
        print(RunCalendarReporter.render(sample, format: format), terminator: "")
    }
}

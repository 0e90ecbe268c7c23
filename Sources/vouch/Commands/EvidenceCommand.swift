import ArgumentParser
import Foundation
import VouchKit

extension EvidenceFormat: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `--sample N` or `--sample auto` (the suggested size for the control's frequency).
enum SampleRequest: ExpressibleByArgument {
    case size(Int)
    case suggested

    init?(argument: String) {
        if argument == "auto" {
            self = .suggested
        } else if let size = Int(argument), size > 0 {
            self = .size(size)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["auto"]) }
}

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "List the change population of the period with its review evidence and exceptions, read from git history.",
        discussion: """
            The changes are the first-parent commits of change_management.branch (default: the branch HEAD \
            is on) whose committer time falls in the report period, limited to change_management.paths. \
            SSH signatures are verified against change_management.allowed_signers at the branch tip. A shallow clone or an incomplete history is refused.
            Exit status: 0 no exception, 1 exceptions (warnings or errors; attention flags do not count), \
            2 usage, configuration or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var changes: ChangeOptions

    @Option(help: ArgumentHelp("Read the changes of this git repository instead of the one holding the program (a program kept in its own repository).", valueName: "path"))
    var repository: String?

    @Flag(help: "List every changed path of each change even when change_management.paths is '**' (slower: compares whole trees, like git log --name-only).")
    var listPaths = false

    @Flag(help: "List every trailer of each change's message in the JSON records, exactly as git log --format='%(trailers:only,unfold)' reads them.")
    var listTrailers = false

    @Option(help: "Output format.")
    var format: EvidenceFormat = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Draw a reproducible sample of N changes, or 'auto' for the size suggested by the control's frequency.", valueName: "N|auto"))
    var sample: SampleRequest?

    @Option(help: ArgumentHelp("The sample's seed. Default: the tip commit's id.", valueName: "text"))
    var seed: String?

    @Option(help: ArgumentHelp("Threads that judge changes while two others read them (default: one per core, up to 4); 1 reads and judges on one thread, the reference the parallel walk's output equals byte for byte.", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if seed != nil, sample == nil { throw ValidationError("--seed needs --sample") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs needs a number of at least 1") }
    }

    func run() throws {
        let located = try program.workspace.gitProgram(revision: changes.branch, repositoryPath: repository)
        let loaded = try located.requireUsableConfiguration()
        let selection = changes.selection?.completed(by: loaded.configuration)
        var request = EvidenceRequest(selection: selection, branch: changes.branch, now: Timestamp(seconds: Int64(Date().timeIntervalSince1970)), programPrefix: located.programPrefix, listPaths: listPaths)
        request.listTrailers = listTrailers
        request.jobs = jobs
        let walker = try PopulationWalker(repository: located.repository, configuration: loaded.configuration, request: request)
        for problem in walker.metadata.keyProblems { Terminal.warning(problem) }
        let guidance = SampleGuidance(program: loaded)
        let context = EvidenceReportContext(
            toolVersion: VouchVersion.current, style: output == nil ? Terminal.style() : TextStyle(color: false),
            guidance: guidance, programPath: located.programPrefix ?? "")
        let out = try OutputFile(path: output)
        var report = format.report(to: out, context: context)
        let summary: PopulationSummary
        if let sample {
            // A population smaller than the size is taken whole.
            let size = if case .size(let size) = sample { size } else { guidance.range.lowerBound }
            summary = try walker.reportSample(size: size, seed: seed ?? walker.metadata.tip?.description ?? "empty", into: &report)
        } else {
            summary = try walker.report(into: &report)
        }
        try out.finish()
        throw ExitCode(summary.hasExceptions ? ExitStatus.findings : ExitStatus.clean)
    }
}

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
            Signatures are detected, not verified. A shallow clone or an incomplete history is refused.
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

    func validate() throws {
        if seed != nil, sample == nil { throw ValidationError("--seed needs --sample") }
    }

    func run() throws {
        let located = try GitProgram.locate(program, revision: changes.branch, repositoryPath: repository)
        let loaded = try located.requireUsableConfiguration()
        let selection = changes.selection?.completed(by: loaded.configuration)
        var request = EvidenceRequest(selection: selection, branch: changes.branch, now: Timestamp(seconds: Int64(Date().timeIntervalSince1970)), programPrefix: located.programPrefix, listPaths: listPaths)
        request.listTrailers = listTrailers
        let walker = try gitCall { try PopulationWalker(repository: located.repository, configuration: loaded.configuration, request: request) }
        let guidance = SampleGuidance(program: loaded)
        let style = output == nil ? Terminal.style() : TextStyle(color: false)
        let summary: PopulationSummary
        if let sample {
            summary = try writeSample(walker, request: sample, guidance: guidance, style: style, programPrefix: located.programPrefix ?? "")
        } else {
            summary = try writePopulation(walker, guidance: guidance, style: style, programPrefix: located.programPrefix ?? "")
        }
        throw ExitCode(summary.hasExceptions ? ExitStatus.findings : ExitStatus.clean)
    }

    /// The exceptions as a findings report (SARIF, JUnit, GitHub annotations).
    private func findingsReport(_ findings: [Finding], commits: [String], programPrefix: String) -> String {
        let report = LintReport(findings: findings.sorted(), filesChecked: 0, changes: commits)
        return FindingReporter.render(report, format: format.findingFormat!, context: ReportOptions.context(programPath: programPrefix))
    }

    private func writePopulation(_ walker: PopulationWalker, guidance: SampleGuidance, style: TextStyle, programPrefix: String) throws -> PopulationSummary {
        let out = try OutputFile(path: output)
        let summary: PopulationSummary
        switch format {
        case .sarif, .junit, .github:
            let walked = try gitCall { try walker.exceptions() }
            out.write(findingsReport(walked.findings, commits: walked.commits, programPrefix: programPrefix))
            summary = walked.summary
        case .csv:
            out.write(EvidenceReporter.csvHead())
            summary = try gitCall { try walker.walk { record, _ in out.write(EvidenceReporter.csvRow(record)) } }
        case .text:
            out.write(EvidenceReporter.textHead(walker.metadata, sample: nil, style: style))
            summary = try gitCall { try walker.walk { record, _ in out.write(EvidenceReporter.textChange(record, style: style)) } }
            out.write(EvidenceReporter.textTail(summary, guidance: guidance, sample: nil, style: style))
        case .json:
            // The metadata (count, digest) comes first but is known last: the changes wait in a scratch file.
            let (scratch, path) = try OutputFile.scratch()
            var first = true
            summary = try gitCall {
                try walker.walkCanonical { canonical in
                    scratch.write(EvidenceReporter.jsonChangeSeparator(isFirst: first))
                    scratch.write(bytes: canonical)
                    first = false
                }
            }
            try scratch.finish()
            out.write(EvidenceReporter.jsonHead(walker.metadata, summary: summary, sample: nil, toolVersion: VouchVersion.current))
            try out.append(contentsOf: path)
            out.write(EvidenceReporter.jsonTail(empty: summary.count == 0))
        }
        try out.finish()
        return summary
    }

    private func writeSample(_ walker: PopulationWalker, request: SampleRequest, guidance: SampleGuidance, style: TextStyle, programPrefix: String) throws -> PopulationSummary {
        let seed = seed ?? walker.metadata.tip?.description ?? "empty"
        // A population smaller than the size is taken whole.
        var selector = SampleSelector(size: { if case .size(let size) = request { size } else { guidance.range.lowerBound } }(), seed: seed)
        let summary = try gitCall { try walker.walk { record, _ in selector.offer(record) } }
        let chosen = selector.sample
        let description = SampleDescription(size: chosen.count, seed: seed, digest: RecordDigest(chosen).value)
        let out = try OutputFile(path: output)
        switch format {
        case .sarif, .junit, .github:
            let findings = ChangePopulation.findings(of: chosen, location: walker.metadata.settings.location)
            out.write(findingsReport(findings, commits: chosen.map(\.commit.description), programPrefix: programPrefix))
        case .csv:
            out.write(EvidenceReporter.csvHead())
            for record in chosen { out.write(EvidenceReporter.csvRow(record)) }
        case .text:
            out.write(EvidenceReporter.textHead(walker.metadata, sample: (chosen.count, seed), style: style))
            for record in chosen { out.write(EvidenceReporter.textChange(record, style: style)) }
            out.write(EvidenceReporter.textTail(summary, guidance: guidance, sample: description, style: style))
        case .json:
            out.write(EvidenceReporter.jsonHead(walker.metadata, summary: summary, sample: description, toolVersion: VouchVersion.current))
            for (index, record) in chosen.enumerated() { out.write(EvidenceReporter.jsonChange(record, isFirst: index == 0)) }
            out.write(EvidenceReporter.jsonTail(empty: chosen.isEmpty))
        }
        try out.finish()
        return summary
    }
}

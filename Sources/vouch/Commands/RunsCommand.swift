import ArgumentParser
import Foundation
import VouchKit

extension RunsFormat: ExpressibleByArgument {}

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "The operation of every periodic control: expected occurrences, their run records, recording a run, sampling.",
        subcommands: [RunsListCommand.self, RunsRecordCommand.self, RunsSampleCommand.self],
        defaultSubcommand: RunsListCommand.self
    )

    /// The run calendar of the program in the work tree, judged on `day`.
    static func calendar(_ program: ProgramOptions, on day: CalendarDate) throws -> (ProgramLocation, Program, RunCalendar) {
        // The calendar judges records, not artefacts: those are hashed by lint and export.
        let (location, loaded) = try program.workspace.loadProgram(readingRunArtifacts: false)
        return (location, loaded, RunCalendar(program: loaded, judgedOn: day))
    }

    /// The controls asked for; an id that is no periodic control is a usage error.
    static func select(_ ids: [String], in calendar: RunCalendar, program: Program) throws -> [ControlRuns] {
        for id in ids where !calendar.controls.contains(where: { $0.id == id }) {
            let known = program.controls.contains { $0.id.value == id }
            throw ValidationError(known ? "\(id) expects no runs (it is per-change, planned, not applicable, or the program has no Type 2 period)" : "no control '\(id)'; periodic controls: " + calendar.controls.map(\.id).joined(separator: ", "))
        }
        return calendar.controls(ids)
    }
}

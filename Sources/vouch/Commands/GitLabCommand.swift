import ArgumentParser
import Foundation
import VouchKit

struct GitLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gitlab",
        abstract: "Record GitLab merge request approvals as git notes on the changes that landed them.",
        subcommands: [GitLabImportCommand.self]
    )
}

struct GitLabImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Backfill: record every merge request merged into the branch in the period on the first-parent change that landed it.",
        discussion: """
            Each merged merge request is matched to the change its merge_commit_sha (or squash_commit_sha for a \
            squash) landed, or for a fast-forward merge to its own commits; its approvals, author, commit authors \
            and merger are written as readable lines in that change's note on refs/notes/vouch, beside any note \
            already there. All notes of a run are written in one notes commit; running it again writes nothing new.
            --from FILE reads JSON Lines, one line per merged merge request: {"merge_request": <merge request>, \
            "approvals": <approvals>, "commits": [<commit>…]}, each object as GitLab's REST API returns it.
            Exit status: 0 recorded (or already recorded), 2 usage, input or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var options: PlatformImportOptions

    func run() throws {
        let recording = try PlatformRecording(platform: .gitlab, program: program, branch: options.branch)
        guard let from = options.from else { throw CommandFailure("give the merge requests with --from FILE") }
        let requests = try recording.requests(fromFile: from)
        try recording.record(requests, period: recording.period(since: options.since, until: options.until), markUnclaimed: true, command: "vouch gitlab import")
    }
}

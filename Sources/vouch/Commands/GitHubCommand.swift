import ArgumentParser
import Foundation
import VouchKit

struct GitHubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "github",
        abstract: "Record GitHub pull request approvals as git notes on the changes that landed them.",
        subcommands: [GitHubImportCommand.self]
    )
}

struct GitHubImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Backfill: record every pull request merged into the branch in the period on the first-parent change that landed it.",
        discussion: """
            Each merged pull request is matched to the change its merge_commit_sha landed (a merge commit or a \
            squash), or for a rebase merge to the run of first-parent commits that are its commits again; its \
            reviews, author, commit authors and merger are written as readable lines in that change's note on \
            refs/notes/vouch, beside any note already there (vouch approve's). All notes of a run are written in \
            one notes commit; running it again writes nothing new. Changes of the period whose subject looks like \
            a pull request's but that no merged pull request landed are noted as direct pushes.
            --from FILE reads JSON Lines, one line per merged pull request: {"pull": <pull>, "reviews": [<review>…], \
            "commits": [<pull commit>…]}, each object as GitHub's REST API returns it (see README for a gh api recipe).
            Exit status: 0 recorded (or already recorded), 2 usage, input or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var options: PlatformImportOptions

    func run() throws {
        let recording = try PlatformRecording(platform: .github, program: program, branch: options.branch)
        guard let from = options.from else { throw CommandFailure("give the pull requests with --from FILE") }
        let requests = try recording.requests(fromFile: from)
        try recording.record(requests, period: recording.period(since: options.since, until: options.until), markUnclaimed: true, command: "vouch github import")
    }
}

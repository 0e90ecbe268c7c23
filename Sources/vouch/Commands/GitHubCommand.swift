import ArgumentParser
import Foundation
import VouchKit

struct GitHubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "github",
        abstract: "Record GitHub pull request approvals as git notes on the changes that landed them.",
        subcommands: [GitHubRecordCommand.self, GitHubImportCommand.self]
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
            Online (without --from): GitHub's REST API at GITHUB_API_URL (default https://api.github.com; GitHub \
            Enterprise Server: https://HOST/api/v3) with the token in GITHUB_TOKEN or GH_TOKEN, --jobs requests at a time. \
            A rate limit is waited out when short; a longer one stops the run with exit 2 naming when it resets, \
            after recording what was fetched (run again then to continue).
            --from FILE reads JSON Lines, one line per merged pull request: {"pull": <pull>, "reviews": [<review>…], \
            "commits": [<pull commit>…]}, each object as GitHub's REST API returns it (see README for a gh api recipe).
            Exit status: 0 recorded (or already recorded), 2 usage, input or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var connection: PlatformConnectionOptions
    @OptionGroup var options: PlatformImportOptions

    @Option(help: ArgumentHelp("The repository on GitHub. Default: GITHUB_REPOSITORY, else the origin remote's owner/name.", valueName: "owner/name"))
    var repo: String?

    func run() throws {
        let recording = try PlatformRecording(platform: .github, program: program, branch: options.branch)
        let period = recording.period(since: options.since, until: options.until)
        if let from = options.from {
            try recording.record(try recording.requests(fromFile: from), period: period, markUnclaimed: true, command: "vouch github import")
            return
        }
        let client = try recording.client(options.applied(to: connection.applied(to: GitHubAPI.settings(environment: PlatformRecording.environment))))
        let api = GitHubAPI(client: client, repository: try recording.repositoryPath(repo, variable: "GITHUB_REPOSITORY"))
        let importer = recording.importer
        let fetch = try api.backfill(into: importer.branch, period: period, limit: options.jobs) { requests in
            importer.unclaimed(by: requests, platform: .github, within: PlatformRecording.unclaimedSpan(requests, period: period)).map(\.description)
        }
        try recording.record(fetch.requests, period: period, markUnclaimed: fetch.stopped == nil, command: "vouch github import")
        try recording.finish(fetch, client: client)
    }
}

struct GitHubRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "In CI, when a pull request is merged: record its reviews on the change that landed it.",
        discussion: """
            Reads the pull_request event payload (GITHUB_EVENT_PATH, or --event FILE). For a merged pull request \
            (action closed, pull_request.merged true) it fetches the reviews and commits from GitHub's REST API \
            (GITHUB_API_URL, token in GITHUB_TOKEN or GH_TOKEN) and writes the note on refs/notes/vouch of \
            pull_request.merge_commit_sha, which must be on the branch's first-parent line in this clone. Any other \
            event: does nothing. Push the notes afterwards (docs/ci.md has a workflow that does).
            Exit status: 0 recorded, already recorded or nothing to do, 2 usage, input or environment error.
            """
    )

    struct Event: Decodable {
        struct Repository: Decodable { var full_name: String? }
        var action: String?
        var pull_request: GitHubObjects.Pull?
        var repository: Repository?
    }

    @OptionGroup var program: ProgramOptions
    @OptionGroup var connection: PlatformConnectionOptions

    @Option(help: ArgumentHelp("The event payload. Default: GITHUB_EVENT_PATH.", valueName: "file"))
    var event: String?

    @Option(help: ArgumentHelp("The repository on GitHub. Default: the event's, else GITHUB_REPOSITORY, else the origin remote's.", valueName: "owner/name"))
    var repo: String?

    @Option(help: ArgumentHelp("The branch the pull request merged into. Default: change_management.branch, else the branch HEAD is on.", valueName: "name"))
    var branch: String?

    func run() throws {
        guard let path = event ?? PlatformRecording.environment["GITHUB_EVENT_PATH"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw CommandFailure("no event to read: run it in a GitHub Actions workflow (GITHUB_EVENT_PATH) or give --event FILE")
        }
        let payload: Event
        do {
            payload = try JSONDecoder().decode(Event.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("\(path):1:1: not a GitHub event payload (\(error.localizedDescription))")
        }
        guard payload.action == "closed", let pull = payload.pull_request, pull.merged == true else {
            print("Nothing to record: the event is not a merged pull request (action \(payload.action ?? "none")\(payload.pull_request.map { ", pull request #\($0.number) \($0.merged == true ? "merged" : "not merged")" } ?? "")).")
            return
        }
        let recording = try PlatformRecording(platform: .github, program: program, branch: branch)
        let client = try recording.client(connection.applied(to: GitHubAPI.settings(environment: PlatformRecording.environment)))
        let api = GitHubAPI(client: client, repository: try recording.repositoryPath(repo ?? payload.repository?.full_name, variable: "GITHUB_REPOSITORY"))
        try recording.recordMerged(try api.request(for: pull), command: "vouch github record")
    }
}

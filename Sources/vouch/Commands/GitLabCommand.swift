import ArgumentParser
import Foundation
import VouchKit

struct GitLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gitlab",
        abstract: "Record GitLab merge request approvals as git notes on the changes that landed them.",
        subcommands: [GitLabRecordCommand.self, GitLabImportCommand.self]
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
            Online (without --from): GitLab's REST API at CI_API_V4_URL or GITLAB_API_URL (default \
            https://gitlab.com/api/v4) with GITLAB_TOKEN (sent as PRIVATE-TOKEN) or CI_JOB_TOKEN (sent as JOB-TOKEN), \
            the project from --project, CI_PROJECT_ID or the origin remote.
            --from FILE reads JSON Lines, one line per merged merge request: {"merge_request": <merge request>, \
            "approvals": <approvals>, "commits": [<commit>…]}, each object as GitLab's REST API returns it.
            Exit status: 0 recorded (or already recorded), 2 usage, input or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var connection: PlatformConnectionOptions
    @OptionGroup var options: PlatformImportOptions

    @Option(help: ArgumentHelp("The project on GitLab, by id or path. Default: CI_PROJECT_ID, else the origin remote's path.", valueName: "id|group/name"))
    var project: String?

    func run() throws {
        let recording = try PlatformRecording(platform: .gitlab, program: program, branch: options.branch)
        let period = recording.period(since: options.since, until: options.until)
        if let from = options.from {
            try recording.record(try recording.requests(fromFile: from), period: period, markUnclaimed: true, command: "vouch gitlab import")
            return
        }
        let client = try recording.client(options.applied(to: connection.applied(to: GitLabAPI.settings(environment: PlatformRecording.environment))))
        let api = GitLabAPI(client: client, project: try recording.repositoryPath(project, variable: "CI_PROJECT_ID"))
        let importer = recording.importer
        let fetch = try api.backfill(into: importer.branch, period: period, limit: options.jobs) { requests in
            importer.unclaimed(by: requests, platform: .gitlab, within: PlatformRecording.unclaimedSpan(requests, period: period)).map(\.description)
        }
        try recording.record(fetch.requests, period: period, markUnclaimed: fetch.stopped == nil, command: "vouch gitlab import")
        try recording.finish(fetch, client: client)
    }
}

struct GitLabRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "In CI, when a merge request is merged: record its approvals on the change that landed it.",
        discussion: """
            The merge request is CI_MERGE_REQUEST_IID (or --iid), else the merged one GitLab associates with \
            CI_COMMIT_SHA (a pipeline of the target branch after the merge). When it is merged, its approvals and \
            commits are fetched (CI_API_V4_URL or GITLAB_API_URL; GITLAB_TOKEN or CI_JOB_TOKEN) and the note written \
            on its merge_commit_sha (squash_commit_sha for a squash). Otherwise: does nothing.
            Exit status: 0 recorded, already recorded or nothing to do, 2 usage, input or environment error.
            """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var connection: PlatformConnectionOptions

    @Option(help: ArgumentHelp("The merge request's iid. Default: CI_MERGE_REQUEST_IID.", valueName: "iid"))
    var iid: Int?

    @Option(help: ArgumentHelp("The project on GitLab, by id or path. Default: CI_PROJECT_ID, else the origin remote's path.", valueName: "id|group/name"))
    var project: String?

    @Option(help: ArgumentHelp("The branch the merge request merged into. Default: change_management.branch, else the branch HEAD is on.", valueName: "name"))
    var branch: String?

    func run() throws {
        let environment = PlatformRecording.environment
        let recording = try PlatformRecording(platform: .gitlab, program: program, branch: branch)
        let client = try recording.client(connection.applied(to: GitLabAPI.settings(environment: environment)))
        let api = GitLabAPI(client: client, project: try recording.repositoryPath(project, variable: "CI_PROJECT_ID"))
        let mergeRequest: GitLabObjects.MergeRequest?
        if let number = iid ?? environment["CI_MERGE_REQUEST_IID"].flatMap(Int.init) {
            mergeRequest = try api.mergeRequest(number)
        } else if let sha = environment["CI_COMMIT_SHA"], !sha.isEmpty {
            let branch = recording.importer.branch
            let candidates = try api.mergeRequests(landing: sha)
            mergeRequest = candidates.first { (candidate: GitLabObjects.MergeRequest) -> Bool in
                candidate.state == "merged" && (candidate.target_branch ?? branch) == branch
            }
        } else {
            mergeRequest = nil
        }
        guard let mergeRequest, mergeRequest.state == "merged" else {
            let which = mergeRequest.map { (request: GitLabObjects.MergeRequest) -> String in " (!\(request.iid) is \(request.state ?? "not merged"))" } ?? " for this pipeline"
            print("Nothing to record: no merged merge request\(which).")
            return
        }
        try recording.recordMerged(try api.request(for: mergeRequest), command: "vouch gitlab record")
    }
}

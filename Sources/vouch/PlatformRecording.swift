import ArgumentParser
import Foundation
import VouchKit

/// Options of `vouch github import` and `vouch gitlab import`.
struct PlatformImportOptions: ParsableArguments {
    @OptionGroup var period: PeriodOptions
    var since: CalendarDate? { period.since }
    var until: CalendarDate? { period.until }

    @Option(help: ArgumentHelp("Read the merged requests from this JSON Lines file (one request a line, with its reviews and commits, as the REST API returns them) instead of the platform.", valueName: "file"))
    var from: String?

    @Option(help: ArgumentHelp("The branch the requests merged into. Default: change_management.branch, else the branch HEAD is on.", valueName: "name"))
    var branch: String?

    @Option(help: ArgumentHelp("Requests to the platform at a time (default 8).", valueName: "N"))
    var jobs: Int = 8

    func validate() throws {
        if jobs < 1 || jobs > 64 { throw ValidationError("--jobs takes 1 to 64") }
    }

    /// `settings` with a connection for each request sent at a time.
    func applied(to settings: PlatformClient.Settings) -> PlatformClient.Settings {
        var settings = settings
        settings.connections = jobs
        return settings
    }
}

/// What `record` and `import` share: finding the repository and its branch, matching requests
/// to changes, writing the notes in one commit and saying what was done.
struct PlatformRecording {
    let platform: ReviewPlatform
    let located: GitProgram
    let importer: PlatformImporter

    init(platform: ReviewPlatform, program: ProgramOptions, branch: String?) throws {
        self.platform = platform
        located = try program.workspace.gitProgram(revision: nil, programRequired: false)
        importer = try PlatformImporter(repository: located.repository, branch: branch ?? located.program?.configuration.changeManagement.branch)
    }

    var configuration: Configuration? { located.program?.configuration }

    /// The period asked for, else the report period; nil when neither is known.
    func period(since: CalendarDate?, until: CalendarDate?) -> ClosedRange<Int64>? {
        let report = configuration?.period
        guard let start = since ?? report?.start, let end = until ?? report?.end else { return nil }
        return Timestamp.startOfDay(start).seconds...(Timestamp.startOfDay(end).seconds + Timestamp.secondsPerDay - 1)
    }

    /// The merged requests of a `--from` file.
    func requests(fromFile path: String) throws -> [MergedRequest] {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("cannot read \(path): \(error.localizedDescription)")
        }
        return try RequestFile.read(bytes, file: path, platform: platform).get()
    }

    /// Where changes no request landed are noted as direct pushes: the period, but only where
    /// the requests reach (a file of one month says nothing of the others).
    static func unclaimedSpan(_ requests: [MergedRequest], period: ClosedRange<Int64>?) -> ClosedRange<Int64>? {
        let times = requests.compactMap(\.mergedAt?.seconds)
        guard let period, let first = times.min(), let last = times.max() else { return nil }
        let lower = max(period.lowerBound, first), upper = min(period.upperBound, last)
        return lower <= upper ? lower...upper : nil
    }

    /// The platform's environment: the process's own.
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// A client that tells on standard error what it waits for.
    func client(_ settings: PlatformClient.Settings) throws -> PlatformClient {
        try PlatformClient(settings) { message in
            FileHandle.standardError.write(Data("vouch: \(Redaction.text(message))\n".utf8))
        }
    }

    /// `owner/name` from the option, else the CI's variable, else the origin remote's URL.
    func repositoryPath(_ option: String?, variable: String) throws -> String {
        if let option { return option }
        if let value = Self.environment[variable], !value.isEmpty { return value }
        guard let remote = try located.repository.configString("remote.origin.url"), let path = RemotePath.of(remote) else {
            throw CommandFailure("no origin remote names the \(platform == .github ? "repository" : "project"); give it with \(platform == .github ? "--repo OWNER/NAME" : "--project ID|GROUP/NAME")")
        }
        return path
    }

    /// Says how many requests were sent, then stops with the fault that ended a fetch early.
    func finish(_ fetch: PlatformFetch, client: PlatformClient) throws {
        print("\(client.requestCount) request\(client.requestCount == 1 ? "" : "s") to \(Redaction.url(client.settings.baseURL)).")
        if let stopped = fetch.stopped { throw stopped }
    }

    /// `record`: the one merged request of the event, on the change that landed it here.
    func recordMerged(_ request: MergedRequest, command: String) throws {
        guard !importer.landed(request).isEmpty else {
            throw CommandFailure("\(request.url) merged as \(request.landedCommits.first ?? "an unknown commit"), which is not on the first-parent line of \(importer.branch) in this clone; fetch the branch with its whole history (actions/checkout with fetch-depth: 0 and the base branch as ref; GIT_DEPTH: 0) and run again")
        }
        try record([request], period: nil, markUnclaimed: false, command: command)
    }

    /// Records `requests`; with `markUnclaimed`, changes of the period that look like the
    /// platform's but that no request landed are noted as direct pushes.
    func record(_ requests: [MergedRequest], period: ClosedRange<Int64>?, markUnclaimed: Bool, command: String) throws {
        let span = markUnclaimed ? Self.unclaimedSpan(requests, period: period) : nil
        let inPeriod = period.map { period in requests.filter { $0.mergedAt.map { period.contains($0.seconds) } ?? true } } ?? requests
        let plan = try importer.plan(inPeriod, platform: platform, unclaimedWithin: span)
        let identity = try located.repository.configuredIdentity() ?? Identity(name: "vouch", email: "vouch@localhost")
        let noun = platform == .github ? "pull request" : "merge request"
        let written = try importer.write(plan, by: identity, message: "\(command): \(plan.matched) \(noun)\(plan.matched == 1 ? "" : "s")")
        for request in plan.unmatched {
            Terminal.warning("\(request.url) merged into \(importer.branch) as \(request.landedCommits.first ?? "an unknown commit"), which is not on its first-parent line (history rewritten, or merged elsewhere); recorded as change-review-unmatched")
        }
        if plan.otherBranch > 0 { print("Skipped \(plan.otherBranch) \(noun)\(plan.otherBranch == 1 ? "" : "s") merged into other branches than \(importer.branch).") }
        var line = "\(plan.matched) of \(plan.requests) merged \(noun)\(plan.requests == 1 ? "" : "s") matched to \(plan.landedChanges) change\(plan.landedChanges == 1 ? "" : "s") of \(importer.branch)"
        if !plan.unclaimed.isEmpty { line += "; \(plan.unclaimed.count) change\(plan.unclaimed.count == 1 ? "" : "s") no \(noun) landed noted as direct push\(plan.unclaimed.count == 1 ? "" : "es")" }
        print(line + ".")
        if let written {
            print("Wrote \(plan.texts.count) note\(plan.texts.count == 1 ? "" : "s") on \(NoteApprovals.vouchReference) in one notes commit (\(written.abbreviated())). Share them: git push origin \(NoteApprovals.vouchReference)")
        } else {
            print("Every note was already recorded; \(NoteApprovals.vouchReference) is unchanged.")
        }
    }
}

import ArgumentParser
import Foundation
import VouchKit

/// Options of `vouch github import` and `vouch gitlab import`.
struct PlatformImportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD, UTC). Default: the report period in vouch.yml.", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD, UTC), included.", valueName: "date"))
    var until: CalendarDate?

    @Option(help: ArgumentHelp("Read the merged requests from this JSON Lines file (one request a line, with its reviews and commits, as the REST API returns them) instead of the platform.", valueName: "file"))
    var from: String?

    @Option(help: ArgumentHelp("The branch the requests merged into. Default: change_management.branch, else the branch HEAD is on.", valueName: "name"))
    var branch: String?

    func validate() throws {
        if let since, let until, until < since { throw ValidationError("--until (\(until)) is before --since (\(since))") }
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

    /// Records `requests`; with `unclaimedWithin`, changes of that span that look like the
    /// platform's but that no request landed are noted as direct pushes.
    func record(_ requests: [MergedRequest], period: ClosedRange<Int64>?, markUnclaimed: Bool, command: String) throws {
        var span: ClosedRange<Int64>?
        let times = requests.compactMap(\.mergedAt?.seconds)
        if markUnclaimed, let period, let first = times.min(), let last = times.max() {
            // Only where the requests reach: a file of one month says nothing of the others.
            let lower = max(period.lowerBound, first), upper = min(period.upperBound, last)
            if lower <= upper { span = lower...upper }
        }
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

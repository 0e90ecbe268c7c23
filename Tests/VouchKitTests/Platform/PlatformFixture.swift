import Foundation
import Testing
import VouchKit

/// A repository whose main branch landed changes every way GitHub lands them, and the pull
/// requests behind them as the REST API returns them.
///
/// - #1 squash-merged: bob's change, approved by carol on the head (carol's account email is
///   mapped to her by `.mailmap`); dana also ran `vouch approve` on it.
/// - #2 merge commit: dana's branch, approved by bob on an earlier commit only (stale).
/// - #3 rebase merge of two commits by alice: carol requested changes, then approved; alice
///   approved her own pull request (self-approval by login).
/// - a direct push by bob whose subject looks like a squash, `(#99)`: no pull request.
/// - #4 squash: carol approved, then her review was dismissed; octocat approved after the merge.
/// - #5 merged, but its merge commit is not on main (history rewritten).
struct PlatformFixture {
    static let bobLogin = ("bob", 1002), carolLogin = ("carol", 1001), danaLogin = ("dana", 1003), aliceLogin = ("alice", 1004), octocat = ("octocat", 583231)
    static let mailmap = "Carol Checker <carol@example.com> <1001+carol@users.noreply.github.com>\n"

    let evidence: EvidenceFixture
    var squash = "", merge = "", rebased: [String] = [], direct = "", dismissed = "", unmatchedSHA = "5ea1ed0000000000000000000000000000000005"
    /// Each pull request's objects: the pull (as the single pull request endpoint returns it), its reviews and commits.
    var entries: [(pull: [String: Any], reviews: [[String: Any]], commits: [[String: Any]])] = []
    /// The `--from` lines.
    var lines: [String] { entries.map { (try? GitHubREST.line(pull: $0.pull, reviews: $0.reviews, commits: $0.commits)) ?? "" } }

    init() throws {
        evidence = try EvidenceFixture()
        let git = evidence.git
        try git.commit("Map platform accounts\n", files: [".mailmap": Self.mailmap], author: People.alice, date: "2026-02-01T09:00:00+00:00")

        // #1: the topic branch's commit, then the squash on main.
        try evidence.run(["checkout", "-q", "-b", "topic-1"])
        let topic1 = try git.commit("Add rates\n", files: ["src/rates.swift": "rates v1\n"], author: People.bob, date: "2026-02-02T09:00:00+00:00")
        try evidence.run(["checkout", "-q", "main"])
        squash = try git.commit("Add rates (#1)\n\n* Add rates\n", files: ["src/rates.swift": "rates v1\n"], author: People.bob, committer: People.github, date: "2026-02-02T12:00:00+00:00")
        try evidence.run(["branch", "-q", "-D", "topic-1"])

        // #2: a merge commit of dana's branch.
        merge = try evidence.merge("Merge pull request #2 from example/fix-tax\n\nFix tax", topic: "fix-tax", file: "src/tax.swift", author: People.dana, date: "2026-02-03T12:00:00+00:00")
        let topic2 = try evidence.run(["rev-parse", "\(merge)^2"])

        // #3: two commits by alice, rebased onto main by GitHub (same authors and dates, new committer).
        try evidence.run(["checkout", "-q", "-b", "topic-3"])
        let first = try git.commit("Round totals\n", files: ["src/round.swift": "round\n"], author: People.alice, date: "2026-02-04T09:00:00+00:00")
        let second = try git.commit("Test rounding\n", files: ["src/round-tests.swift": "tests\n"], author: People.alice, date: "2026-02-04T10:00:00+00:00")
        try evidence.run(["checkout", "-q", "main"])
        try git.run(["cherry-pick", first, second], environment: EvidenceFixture.environment(author: People.github, date: "2026-02-04T12:00:00+00:00"))
        let rebasedTip = try evidence.head()
        rebased = [rebasedTip, try evidence.run(["rev-parse", "HEAD~1"])]
        try evidence.run(["branch", "-q", "-D", "topic-3"])

        // The direct push.
        direct = try git.commit("Hotfix invoice totals (#99)\n", files: ["src/hotfix.swift": "fix\n"], author: People.bob, date: "2026-02-05T12:00:00+00:00")

        // #4: squash.
        dismissed = try git.commit("Tune limits (#4)\n", files: ["src/limits.swift": "limits\n"], author: People.bob, committer: People.github, date: "2026-02-06T12:00:00+00:00")

        // dana's `vouch approve` on #1, before any import.
        try evidence.note("Approved-by: Dana Reyes <dana@example.com>\n", on: squash, as: People.dana, date: "2026-02-03T08:00:00+00:00")

        entries = [
            (
                pull: GitHubREST.pull(1, title: "Add rates", author: Self.bobLogin, head: topic1, mergedAt: "2026-02-02T12:00:00Z", mergeCommit: squash, mergedBy: Self.carolLogin),
                reviews: [GitHubREST.review(80, pull: 1, by: Self.carolLogin, state: "APPROVED", submittedAt: "2026-02-02T11:00:00Z", commit: topic1)],
                commits: [GitHubREST.pullCommit(sha: topic1, author: People.bob, login: Self.bobLogin, date: "2026-02-02T09:00:00Z", message: "Add rates")]),
            (
                pull: GitHubREST.pull(2, title: "Fix tax", author: Self.danaLogin, head: topic2, mergedAt: "2026-02-03T12:00:00Z", mergeCommit: merge, mergedBy: Self.carolLogin),
                reviews: [
                    GitHubREST.review(81, pull: 2, by: Self.bobLogin, state: "APPROVED", submittedAt: "2026-02-03T10:00:00Z", commit: "e5bd3914e2e596debea16f433f57875b5b90bcd6"),
                    GitHubREST.review(82, pull: 2, by: Self.carolLogin, state: "COMMENTED", submittedAt: "2026-02-03T11:00:00Z", commit: topic2),
                ],
                commits: [GitHubREST.pullCommit(sha: topic2, author: People.dana, login: Self.danaLogin, date: "2026-02-03T12:00:00Z", message: "Work on fix-tax")]),
            (
                pull: GitHubREST.pull(3, title: "Round totals", author: Self.aliceLogin, head: second, mergedAt: "2026-02-04T12:00:00Z", mergeCommit: rebasedTip, mergedBy: Self.aliceLogin),
                reviews: [
                    GitHubREST.review(83, pull: 3, by: Self.carolLogin, state: "CHANGES_REQUESTED", submittedAt: "2026-02-04T10:30:00Z", commit: first),
                    GitHubREST.review(84, pull: 3, by: Self.aliceLogin, state: "APPROVED", submittedAt: "2026-02-04T10:40:00Z", commit: second),
                    GitHubREST.review(85, pull: 3, by: Self.carolLogin, state: "APPROVED", submittedAt: "2026-02-04T11:00:00Z", commit: second),
                ],
                commits: [
                    GitHubREST.pullCommit(sha: first, author: People.alice, login: Self.aliceLogin, date: "2026-02-04T09:00:00Z", message: "Round totals"),
                    GitHubREST.pullCommit(sha: second, author: People.alice, login: Self.aliceLogin, date: "2026-02-04T10:00:00Z", message: "Test rounding", parent: first),
                ]),
            (
                pull: GitHubREST.pull(4, title: "Tune limits", author: Self.bobLogin, head: "a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4", mergedAt: "2026-02-06T12:00:00Z", mergeCommit: dismissed, mergedBy: Self.bobLogin),
                reviews: [
                    GitHubREST.review(86, pull: 4, by: Self.carolLogin, state: "APPROVED", submittedAt: "2026-02-06T10:00:00Z", commit: "a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4"),
                    GitHubREST.review(87, pull: 4, by: Self.carolLogin, state: "DISMISSED", submittedAt: "2026-02-06T10:00:00Z", commit: "a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4"),
                    GitHubREST.review(88, pull: 4, by: Self.octocat, state: "APPROVED", submittedAt: "2026-02-07T09:00:00Z", commit: "a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4"),
                ],
                commits: [GitHubREST.pullCommit(sha: "a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4", author: People.bob, login: Self.bobLogin, date: "2026-02-06T09:00:00Z", message: "Tune limits")]),
            (
                pull: GitHubREST.pull(5, title: "Lost", author: Self.danaLogin, head: "b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5", mergedAt: "2026-02-05T13:00:00Z", mergeCommit: unmatchedSHA, mergedBy: Self.carolLogin),
                reviews: [GitHubREST.review(89, pull: 5, by: Self.carolLogin, state: "APPROVED", submittedAt: "2026-02-05T11:00:00Z", commit: "b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5")],
                commits: [GitHubREST.pullCommit(sha: "b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5", author: People.dana, login: Self.danaLogin, date: "2026-02-05T10:00:00Z", message: "Lost")]),
        ]
    }

    /// Writes the `--from` file into a folder of its own and returns its path.
    func fromFile(_ lines: [String]? = nil, name: String = "pulls.jsonl") throws -> String {
        let file = evidence.url.deletingLastPathComponent().appendingPathComponent("\(evidence.url.lastPathComponent)-\(name)")
        try Data(((lines ?? self.lines).joined(separator: "\n") + "\n").utf8).write(to: file)
        return file.path
    }

    func notesTip() throws -> String? { try? evidence.run(["rev-parse", "--verify", "-q", "refs/notes/vouch"]) }
}

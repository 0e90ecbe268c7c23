import Foundation
import VouchKit

/// A repository whose main branch landed changes as GitLab lands them, and the merge requests
/// behind them as GitLab's REST API returns them.
///
/// - !1 squash without a merge commit (fast-forward): bob's change, approved by carol (her
///   GitLab account's email is mapped to her by `.mailmap`).
/// - a direct push by bob that says it came from a merge request (!9, which GitLab never merged).
/// - !2 merge commit of two commits by dana, approved only by dana herself.
struct GitLabFixture {
    static let bob = ("bob", 22, "Bob Builder"), carol = ("carol", 21, "Carol Checker"), dana = ("dana", 23, "Dana Reyes")

    let evidence: EvidenceFixture
    var squash = "", direct = "", merge = ""
    /// Each merge request's objects: as the list endpoint returns it, its approvals and its commits.
    var entries: [(mergeRequest: [String: Any], approvals: [String: Any], commits: [[String: Any]])] = []
    /// The `--from` lines.
    var lines: [String] { entries.map { (try? GitLabREST.line(mergeRequest: $0.mergeRequest, approvals: $0.approvals, commits: $0.commits)) ?? "" } }

    init() throws {
        evidence = try EvidenceFixture()
        let git = evidence.git
        try git.commit("Map accounts\n", files: [".mailmap": "Carol Checker <carol@example.com> <21-carol@users.noreply.gitlab.com>\n"], author: People.alice, date: "2026-02-01T09:00:00+00:00")
        squash = try git.commit("Add rates\n", files: ["src/rates.swift": "r\n"], author: People.bob, date: "2026-02-02T12:00:00+00:00")
        direct = try git.commit("Hotfix\n\nSee merge request example/billing!9\n", files: ["src/hotfix.swift": "h\n"], author: People.bob, date: "2026-02-02T18:00:00+00:00")
        merge = try evidence.merge("Merge branch 'fix-tax' into 'main'\n\nFix tax\n\nSee merge request example/billing!2", topic: "fix-tax", file: "src/tax.swift", author: People.dana, date: "2026-02-03T12:00:00+00:00")
        let topic = try evidence.run(["rev-parse", "\(merge)^2"])
        let bob = Self.bob, carol = Self.carol, dana = Self.dana
        entries = [
            (mergeRequest: GitLabREST.mergeRequest(1, title: "Add rates", author: bob, sha: "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1", mergedAt: "2026-02-02T12:00:00.520Z",
                                                   mergeCommit: nil, squashCommit: squash, squash: true, mergedBy: carol),
             approvals: GitLabREST.approvals(1, approvedBy: [("carol", 21, "Carol Checker", "2026-02-02T11:00:00.000Z")]),
             commits: [GitLabREST.commit("c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1", title: "Add rates", author: People.bob, date: "2026-02-02T09:00:00.000Z")]),
            (mergeRequest: GitLabREST.mergeRequest(2, title: "Fix tax", author: dana, sha: topic, mergedAt: "2026-02-03T12:00:00.000Z",
                                                   mergeCommit: merge, squashCommit: nil, squash: false, mergedBy: carol),
             approvals: GitLabREST.approvals(2, approvedBy: [("dana", 23, "Dana Reyes", "2026-02-03T11:00:00.000Z")]),
             commits: [GitLabREST.commit(topic, title: "Work on fix-tax", author: People.dana, date: "2026-02-03T12:00:00.000Z"),
                       GitLabREST.commit("d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2", title: "Start fix-tax", author: People.dana, date: "2026-02-03T10:00:00.000Z")]),
        ]
    }

    /// Writes the `--from` file into a folder of its own and returns its path.
    func fromFile() throws -> String {
        let file = evidence.url.deletingLastPathComponent().appendingPathComponent("\(evidence.url.lastPathComponent)-mrs.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return file.path
    }
}

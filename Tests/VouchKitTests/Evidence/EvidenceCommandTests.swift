import Foundation
import Testing
import VouchKit

/// `vouch evidence` and `vouch approve` through the built binary: exit codes, formats, and
/// the repository shapes that must work or be refused.
@Suite struct EvidenceCommandTests {
    /// A small history: a reviewed merge with a note, a squash without an approver, a direct push.
    static func history() throws -> (EvidenceFixture, merge: String, squash: String, direct: String) {
        let fixture = try EvidenceFixture()
        let merge = try fixture.merge("Merge pull request #12 from example/rounding\n", topic: "rounding", file: "src/rounding.swift", author: People.bob, date: "2026-02-01T10:00:00+00:00")
        try fixture.note("Approved-by: Carol Checker <carol@example.com>\n", on: merge)
        let squash = try fixture.git.commit("Export, with a comma (#13)\n", files: ["src/export.swift": "e\n"], author: People.bob, date: "2026-02-02T10:00:00+00:00")
        let direct = try fixture.git.commit("=cmd|' /C calc'!A0\n", files: ["src/quick.swift": "q\n"], date: "2026-02-03T10:00:00+00:00")
        return (fixture, merge, squash, direct)
    }

    @Test func jsonIsCompleteDeterministicAndExitsOneOnExceptions() throws {
        let (fixture, merge, squash, direct) = try Self.history()
        let first = try fixture.vouch(["evidence", "--format", "json"])
        #expect(first.status == 1, "\(first.stderr)")
        let second = try fixture.vouch(["evidence", "--format", "json"])
        #expect(first.stdout == second.stdout)
        let document = try parseJSON(first.stdout)
        let metadata = try #require(document["metadata"] as? [String: Any])
        #expect(metadata["population"] as? Int == 4)
        #expect(metadata["branch"] as? String == "main")
        #expect(metadata["tip"] as? String == direct)
        #expect(metadata["shallow"] as? Bool == false)
        #expect((metadata["digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect((metadata["period"] as? [String: Any])?["since"] as? String == "2026-01-01")
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.map { $0["commit"] as? String } == [direct, squash, merge, changes.last?["commit"] as? String])
        let mergeRecord = changes[2]
        #expect(mergeRecord["mechanism"] as? String == "github-merge")
        #expect(mergeRecord["review_ref"] as? String == "#12")
        #expect(mergeRecord["landed_at"] as? String == "2026-02-01T10:00:00+00:00")
        let approver = try #require((mergeRecord["approvers"] as? [[String: Any]])?.first)
        #expect(approver["name"] as? String == "Carol Checker" && approver["kind"] as? String == "approved" && approver["source"] as? String == "note")
        #expect((mergeRecord["author"] as? [String: Any])?["email"] as? String == "noreply@github.com")
        #expect(changes[1]["exceptions"] as? [String] == ["change-approval-unrecorded"])
        #expect(changes[0]["exceptions"] as? [String] == ["change-unreviewed"])

        // The digest is the SHA-256 of the change lines as printed, each with a line feed.
        let lines = first.stdout.split(separator: "\n").filter { $0.hasPrefix("    {\"commit\"") }
        let canonical = lines.map { $0.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: ",")) + "\n" }.joined()
        #expect(metadata["digest"] as? String == "sha256:" + SHA256.hex(SHA256.hash(canonical)))

        let file = fixture.url.appendingPathComponent("evidence.json")
        let written = try fixture.vouch(["evidence", "--format", "json", "--output", file.path])
        #expect(written.status == 1 && written.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == first.stdout)
    }

    @Test func csvAndText() throws {
        let (fixture, _, squash, direct) = try Self.history()
        let csv = try fixture.vouch(["evidence", "--format", "csv"])
        #expect(csv.status == 1)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("commit,landed_at,subject,author_name,author_email"))
        #expect(rows[1].hasPrefix("\(direct),2026-02-03T10:00:00+00:00,'=cmd|' /C calc'!A0,Test Author,"))
        #expect(rows[2].contains("\"Export, with a comma (#13)\""))
        #expect(rows[2].hasPrefix(squash))

        let text = try fixture.vouch(["evidence"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("Change population of main at \(direct.prefix(12)) (refs/heads/main)"))
        #expect(text.stdout.contains("4 changes, 3 with exceptions, 0 flagged for attention."))
        #expect(text.stdout.contains("By mechanism: direct 2, github-merge 1, github-squash 1"))
        #expect(text.stdout.contains("SSH signatures are verified against change_management.allowed_signers"))
        #expect(text.stdout.contains("Suggested sample: 4 of 4 (per-change control"))
    }

    @Test func cleanHistoryExitsZero() throws {
        let fixture = try EvidenceFixture(rootDate: "2025-06-01T10:00:00+00:00")
        try fixture.git.commit("Reviewed\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/a.swift": "a\n"], date: "2026-02-01T10:00:00+00:00")
        let result = try fixture.vouch(["evidence"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("1 change, 0 with exceptions"))
    }

    @Test func shallowClonesAndTheirWorktreesAreRefused() throws {
        let (fixture, _, _, _) = try Self.history()
        let clones = try TemporaryDirectory("vouch-clone")
        let shallow = clones.url.appendingPathComponent("shallow")
        try TestSupport.run(GitFixture.git, ["clone", "-q", "--depth", "1", "file://\(fixture.url.path)", shallow.path], in: clones.url)
        let result = try TestSupport.vouch(["evidence"], in: shallow)
        #expect(result.status == 2)
        #expect(result.stderr.contains("shallow clone"))
        #expect(result.stderr.contains("git fetch --unshallow") && result.stderr.contains("fetch-depth: 0") && result.stderr.contains("GIT_DEPTH: 0"))
        #expect(result.stdout.isEmpty)

        let worktree = clones.url.appendingPathComponent("linked")
        try TestSupport.run(GitFixture.git, ["worktree", "add", "-q", "-b", "other", worktree.path], in: shallow)
        let linked = try TestSupport.vouch(["evidence", "--branch", "main"], in: worktree)
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("shallow clone"))
        // lint keeps working in a shallow clone; it only says the history was not read.
        let lint = try TestSupport.vouch(["lint"], in: shallow)
        #expect(lint.status != 2)
        #expect(lint.stderr.contains("policy approvals were not read from git history"))
    }

    @Test func bareRepositoriesAndLinkedWorktrees() throws {
        let (fixture, _, _, _) = try Self.history()
        let expected = try fixture.vouch(["evidence", "--format", "json"]).stdout
        let digest = try #require((try parseJSON(expected)["metadata"] as? [String: Any])?["digest"] as? String)

        let clones = try TemporaryDirectory("vouch-clone")
        let bare = clones.url.appendingPathComponent("bare.git")
        try TestSupport.run(GitFixture.git, ["clone", "-q", "--bare", fixture.url.path, bare.path], in: clones.url)
        try TestSupport.run(GitFixture.git, ["fetch", "-q", fixture.url.path, "refs/notes/*:refs/notes/*"], in: bare)
        let fromBare = try TestSupport.vouch(["evidence", "--format", "json"], in: bare)
        #expect(fromBare.status == 1, "\(fromBare.stderr)")
        #expect((try parseJSON(fromBare.stdout)["metadata"] as? [String: Any])?["digest"] as? String == digest)

        let worktree = clones.url.appendingPathComponent("linked")
        try fixture.run(["worktree", "add", "-q", "-b", "feature", worktree.path])
        let fromWorktree = try TestSupport.vouch(["evidence", "--format", "json"], in: worktree)
        #expect(fromWorktree.status == 1, "\(fromWorktree.stderr)")
        #expect((try parseJSON(fromWorktree.stdout)["metadata"] as? [String: Any])?["digest"] as? String == digest)
    }

    @Test func emptyRepositoryAndUnbornBranch() throws {
        let git = try GitFixture()
        try git.write(["vouch.yml": EvidenceFixture.configuration()])
        let result = try TestSupport.vouch(["evidence", "--format", "json"], in: git.url)
        #expect(result.status == 0, "\(result.stderr)")
        let metadata = try #require(try parseJSON(result.stdout)["metadata"] as? [String: Any])
        #expect(metadata["population"] as? Int == 0)
        #expect(metadata["tip"] is NSNull)
        #expect(try parseJSON(result.stdout)["changes"] as? [Any] != nil)
        // lint works before the first commit too.
        #expect(try TestSupport.vouch(["lint"], in: git.url).status != 2)
    }

    @Test func detachedHeadUnknownBranchAndNoRepository() throws {
        let fixture = try EvidenceFixture(changeManagement: "  paths: [\"**\"]\n")
        try fixture.git.commit("Second\n", files: ["src/b.swift": "b\n"], date: "2026-02-01T10:00:00+00:00")
        try fixture.run(["checkout", "-q", "--detach", "HEAD~1"])
        let detached = try fixture.vouch(["evidence"])
        #expect(detached.status == 2)
        #expect(detached.stderr.contains("HEAD is detached") && detached.stderr.contains("--branch"))
        #expect(try fixture.vouch(["evidence", "--branch", "main"]).status == 1)

        let unknown = try fixture.vouch(["evidence", "--branch", "mainn"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no branch 'mainn'") && unknown.stderr.contains("did you mean 'main'"))

        let plain = try TemporaryDirectory()
        try TestSupport.write(["vouch.yml": EvidenceFixture.configuration()], to: plain.url)
        let outside = try TestSupport.vouch(["evidence"], in: plain.url)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not inside a git repository"))
        let lint = try TestSupport.vouch(["lint"], in: plain.url)
        #expect(lint.status != 2 && lint.stderr.isEmpty)

        #expect(try fixture.vouch(["evidence", "--range", "a..b", "--since", "2026-01-01"]).status == 2)
        let badRange = try fixture.vouch(["evidence", "--range", "main"])
        #expect(badRange.status == 2 && badRange.stderr.contains("OLD..NEW"))
    }

    @Test func missingObjectsStopTheWalk() throws {
        let fixture = try EvidenceFixture()
        let root = try fixture.head()
        try fixture.git.commit("Second\n", files: ["src/b.swift": "b\n"], date: "2026-02-01T10:00:00+00:00")
        let object = fixture.url.appendingPathComponent(".git/objects/\(root.prefix(2))/\(root.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        let result = try fixture.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the history is incomplete") && result.stderr.contains(root))
    }

    @Test func vouchYmlSamplingReplacesTheTable() throws {
        let fixture = try EvidenceFixture(changeManagement: "  branch: main\nsampling:\n  per-change: 3\n  quarterly: 2\n")
        for day in 1...6 {
            try fixture.git.commit("Change \(day)\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/f\(day).swift": "\(day)\n"], date: String(format: "2026-03-%02dT10:00:00+00:00", day))
        }
        let text = try fixture.vouch(["evidence"])
        #expect(text.stdout.contains("Suggested sample: 3 of 7 (per-change control (no control lists 'git: change-review' evidence, so per-change is assumed): vouch.yml's 'sampling' sets 3)"), "\(text.stdout)")
        let auto = try fixture.vouch(["evidence", "--sample", "auto", "--format", "json"])
        #expect((try #require(try parseJSON(auto.stdout)["metadata"] as? [String: Any])["sample"] as? [String: Any])?["size"] as? Int == 3)

        // Without the override, the table's low end for per-change controls, capped at the population.
        let table = try EvidenceFixture()
        #expect(try table.vouch(["evidence"]).stdout.contains("audit firms' common practice for tests of controls samples 25–60"))

        // The keys are the control frequencies, checked like every key of vouch.yml.
        try fixture.git.commit("Mistype a frequency\n", files: ["vouch.yml": EvidenceFixture.configuration("  branch: main\nsampling:\n  quartely: 2\n  daily: 0\n")])
        let lint = try fixture.vouch(["lint"])
        #expect(lint.status == 2, "an unusable vouch.yml is a configuration error")
        #expect(lint.stdout.contains("unknown field 'quartely'") && lint.stdout.contains("did you mean 'quarterly'?"), "\(lint.stdout)")
        #expect(lint.stdout.contains("'daily' must be between 1 and 10000, found 0"), "\(lint.stdout)")
    }

    @Test func samplesAreReproducible() throws {
        let fixture = try EvidenceFixture()
        for day in 1...12 {
            try fixture.git.commit("Change \(day)\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/f\(day).swift": "\(day)\n"], date: String(format: "2026-03-%02dT10:00:00+00:00", day))
        }
        let first = try fixture.vouch(["evidence", "--sample", "3", "--seed", "audit-2026", "--format", "json"])
        let again = try fixture.vouch(["evidence", "--sample", "3", "--seed", "audit-2026", "--format", "json"])
        #expect(first.stdout == again.stdout)
        let document = try parseJSON(first.stdout)
        let metadata = try #require(document["metadata"] as? [String: Any])
        #expect(metadata["population"] as? Int == 13)
        let sample = try #require(metadata["sample"] as? [String: Any])
        #expect(sample["size"] as? Int == 3 && sample["seed"] as? String == "audit-2026")
        let chosen = try #require(document["changes"] as? [[String: Any]]).compactMap { $0["commit"] as? String }

        // Recompute independently: the 3 smallest SHA-256("seed:commit"), in population order.
        let all = try fixture.run(["rev-list", "--first-parent", "main"]).split(separator: "\n").map(String.init)
        let ranked = all.sorted { SHA256.hash("audit-2026:\($0)").lexicographicallyPrecedes(SHA256.hash("audit-2026:\($1)")) }.prefix(3)
        #expect(chosen == all.filter(ranked.contains))

        let auto = try fixture.vouch(["evidence", "--sample", "auto", "--format", "json"])
        let autoMetadata = try #require(try parseJSON(auto.stdout)["metadata"] as? [String: Any])
        #expect((autoMetadata["sample"] as? [String: Any])?["size"] as? Int == 13)
        #expect((autoMetadata["sample"] as? [String: Any])?["seed"] as? String == all.first)
        let text = try fixture.vouch(["evidence", "--sample", "2", "--seed", "x"])
        #expect(text.stdout.contains("2 changes sampled from a population of 13"))
        #expect(try fixture.vouch(["evidence", "--seed", "x"]).status == 2)
        #expect(try fixture.vouch(["evidence", "--sample", "0"]).status == 2)
    }
}

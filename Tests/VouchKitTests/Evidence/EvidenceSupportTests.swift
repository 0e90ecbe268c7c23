import Foundation
import Testing
// Path patterns' matching and a record's canonical JSON are internal to the evidence walk; the
// binary shows them only folded into whole reports, so edge cases are pinned down here.
@testable import VouchKit

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(SHA256.hash("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(SHA256.hash("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 999] {
            var hasher = SHA256()
            hasher.update(Array(data[..<split]))
            hasher.update(Array(data[split...]))
            #expect(hasher.finalized() == SHA256.hash(data))
        }
    }

    /// The million "a"s fed in odd-sized pieces through each kind of update, so block
    /// boundaries fall inside pieces rather than between them.
    @Test func oddSizedPiecesMatchTheKnownAnswer() {
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        let sizes = [1, 7, 13, 63, 65, 127, 4099]
        var hasher = SHA256()
        var offset = 0, index = 0
        while offset < million.count {
            let piece = million[offset..<min(offset + sizes[index % sizes.count], million.count)]
            switch index % 3 {
            case 0: hasher.update(Array(piece))
            case 1: hasher.update(String(decoding: piece, as: UTF8.self))
            default: piece.withUnsafeBytes { hasher.update($0) }
            }
            offset += piece.count
            index += 1
        }
        #expect(SHA256.hex(hasher.finalized()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func finalizingLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update("a")
        #expect(hasher.finalized() == SHA256.hash("a"))
        #expect(hasher.finalized() == SHA256.hash("a"))
        hasher.update("bc")
        #expect(SHA256.hex(hasher.finalized()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite struct PathPatternTests {
    @Test func globs() {
        #expect(PathPattern("**").matches("a/b/c.swift"))
        #expect(PathPattern("src/**").matches("src/a/b.swift"))
        #expect(!PathPattern("src/**").matches("srcx/a.swift"))
        #expect(PathPattern("src").matches("src/a/b.swift"))
        #expect(PathPattern("src/").matches("src/a.swift"))
        #expect(PathPattern("**/*.md").matches("a/b/c.md"))
        #expect(PathPattern("**/*.md").matches("c.md"))
        #expect(!PathPattern("*.md").matches("a/c.md"))
        #expect(PathPattern("*.md").matches("c.md"))
        #expect(PathPattern("a/?.txt").matches("a/b.txt"))
        #expect(!PathPattern("a/?.txt").matches("a/bc.txt"))
        #expect(PathPattern("a/**/z").matches("a/z"))
        #expect(PathPattern("a/**/z").matches("a/b/c/z"))
        #expect(!PathPattern("a/**/z").matches("a/b/c/y"))
    }

    @Test func prunesFolders() {
        #expect(PathPattern("src/app/**").couldMatch(below: "src/"))
        #expect(PathPattern("src/app/**").couldMatch(below: "src/app/deep/"))
        #expect(!PathPattern("src/app/**").couldMatch(below: "docs/"))
        #expect(PathPattern("**/*.md").couldMatch(below: "anything/"))
        #expect(!PathPattern("vouch.yml").couldMatch(below: "src/"))
        #expect(PathPattern("*/config").couldMatch(below: "x/"))
    }

    @Test func botPatterns() {
        let bots = BotAccounts(["release-bot@example.com", "Jenkins*"])
        #expect(bots.contains(Identity(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com")))
        #expect(bots.contains(Identity(name: "Someone", email: "RELEASE-bot@example.com")))
        #expect(bots.contains(Identity(name: "Jenkins CI", email: "ci@example.com")))
        #expect(!bots.contains(Identity(name: "Alice", email: "alice@example.com")))
        // Patterns of wildcards alone, or starting with them, still match in any case.
        #expect(BotAccounts(["*"]).contains(Identity(name: "Alice", email: "")))
        #expect(BotAccounts(["?CI-*"]).contains(Identity(name: "xci-runner", email: "")))
        #expect(!BotAccounts(["?CI-*"]).contains(Identity(name: "ci-runner", email: "")))
    }

    @Test func timestamps() {
        #expect(Timestamp(seconds: 1_772_445_600, offsetMinutes: 120).iso8601 == "2026-03-02T12:00:00+02:00")
        #expect(Timestamp(seconds: 1_772_445_600, offsetMinutes: -330).iso8601 == "2026-03-02T04:30:00-05:30")
        #expect(Timestamp(seconds: -1).utcDate == CalendarDate("1969-12-31")!)
        #expect(Timestamp(seconds: 1_772_445_600).utcDate == CalendarDate("2026-03-02")!)
    }
}

@Suite struct CanonicalRecordJSONTests {
    static let analyzer = ChangeAnalyzer(
        context: ChangeRuleContext(branch: "main", settings: ChangeExample(message: "").settings, now: Timestamp(seconds: 1_800_000_000)),
        sensitivePaths: PathPatternSet(ChangeSensitivePathRule.builtInPaths(programPrefix: nil)), bots: BotAccounts([]), mailmap: nil)

    static func facts(message: String, author: Identity, offsetMinutes: Int, parents: Int, mergedAuthors: [Identity] = [], noteApprovals: [Approval] = [],
                      signature: CommitSignature? = nil, paths: [String] = [], pathsListed: Bool = true) -> ChangeFacts {
        let landed = GitSignature(name: author.name, email: author.email, time: 1_772_445_600, offsetMinutes: offsetMinutes)
        return ChangeFacts(
            commit: ObjectID(hex: String(repeating: "c0ffee12", count: 5))!,
            parents: ["ab", "cd"].prefix(parents).map { ObjectID(hex: String(repeating: $0, count: 20))! },
            author: landed, committer: GitSignature(name: "GitHub", email: "noreply@github.com", time: 1_772_449_200, offsetMinutes: 120),
            rawMessage: Array(message.utf8), messageEncoding: nil, signature: signature, mergedAuthors: mergedAuthors,
            noteApprovals: noteApprovals, paths: paths, pathsListed: pathsListed)
    }

    /// Quotes, backslashes, control characters, U+2028 and non-ASCII text are escaped as JSON
    /// requires, and the line is valid JSON.
    @Test func escapesTrickyText() throws {
        let facts = Self.facts(
            message: "Merge pull request #7 from x/y \u{2028}\"quoted\" back\\slash\ttab \u{01}\n\nEmergency: it's 🔥 \"down\"\nCo-authored-by: Ça Va <ca@example.com>\nReviewed-by: Carol Checker <carol@example.com>\n",
            author: Identity(name: "Zoë \"Zed\" O'Brien", email: "zoe@example.com"), offsetMinutes: -330, parents: 2,
            mergedAuthors: [Identity(name: "Ünal \\ Back", email: "unal@example.com")],
            noteApprovals: [Approval(identity: Identity(name: "Dan", email: "dan@example.com"), kind: .approved, source: .note, reference: NoteApprovals.vouchReference,
                                     recordedAt: Timestamp(seconds: 1_772_532_000, offsetMinutes: 60))],
            signature: .checked(ChangeExample.ssh(.good)), paths: ["src/a \"b\".swift", "docs/naïve\\path.md", ".mailmap"])
        let record = Self.analyzer.record(facts)
        let line = record.canonicalJSON
        #expect(line == #"{"commit":"c0ffee12c0ffee12c0ffee12c0ffee12c0ffee12","parents":["abababababababababababababababababababab","cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"],"#
            + #""landed_at":"2026-03-02T13:00:00+02:00","authored_at":"2026-03-02T04:30:00-05:30","#
            + #""subject":"Merge pull request #7 from x/y \u2028\"quoted\" back\\slash\ttab \u0001","#
            + #""author":{"name":"Zoë \"Zed\" O'Brien","email":"zoe@example.com","raw":{"name":"Zoë \"Zed\" O'Brien","email":"zoe@example.com"}},"#
            + #""committer":{"name":"GitHub","email":"noreply@github.com","raw":{"name":"GitHub","email":"noreply@github.com"}},"#
            + #""co_authors":[{"name":"Ça Va","email":"ca@example.com"}],"merged_authors":[{"name":"Ünal \\ Back","email":"unal@example.com"}],"#
            + ##""mechanism":"github-merge","review_ref":"#7","##
            + #""approvers":[{"name":"Carol Checker","email":"carol@example.com","kind":"reviewed","source":"trailer","reference":null,"recorded_at":null},"#
            + #"{"name":"Dan","email":"dan@example.com","kind":"approved","source":"note","reference":"refs/notes/vouch","recorded_at":"2026-03-03T11:00:00+01:00"}],"#
            + #""independent_approvers":2,"signature":{"format":"ssh","status":"good","signer":"alice@example.com","key":"SHA256:kR0bXJ0nA5ZLr4TrCD7tMOZ1b0Jc5S2d3m2k8fN0xYs"},"emergency":"it's 🔥 \"down\"","bot":false,"#
            + #""paths":["src/a \"b\".swift","docs/naïve\\path.md",".mailmap"],"exceptions":["change-sensitive-path"]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["subject"] as? String == record.subject)
        #expect(parsed["emergency"] as? String == record.emergency)
        #expect(parsed["paths"] as? [String] == record.paths)
        #expect((parsed["author"] as? [String: Any])?["name"] as? String == "Zoë \"Zed\" O'Brien")
    }

    /// Absent values are null, empty lists are `[]`, and unlisted paths are null.
    @Test func writesNullsAndEmptyLists() throws {
        let facts = Self.facts(message: "Direct change\n", author: Identity(name: "Alice Example", email: "alice@example.com"), offsetMinutes: 0, parents: 1,
                               paths: [".github/workflows/ci.yml"], pathsListed: false)
        let line = Self.analyzer.record(facts).canonicalJSON
        #expect(line == #"{"commit":"c0ffee12c0ffee12c0ffee12c0ffee12c0ffee12","parents":["abababababababababababababababababababab"],"#
            + #""landed_at":"2026-03-02T13:00:00+02:00","authored_at":"2026-03-02T10:00:00+00:00","subject":"Direct change","#
            + #""author":{"name":"Alice Example","email":"alice@example.com","raw":{"name":"Alice Example","email":"alice@example.com"}},"#
            + #""committer":{"name":"GitHub","email":"noreply@github.com","raw":{"name":"GitHub","email":"noreply@github.com"}},"#
            + #""co_authors":[],"merged_authors":[],"mechanism":"direct","review_ref":null,"approvers":[],"independent_approvers":0,"#
            + #""signature":null,"emergency":null,"bot":false,"paths":null,"exceptions":["change-unreviewed","change-sensitive-path"]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["paths"] is NSNull)
        #expect((parsed["approvers"] as? [Any])?.isEmpty == true)
    }
}

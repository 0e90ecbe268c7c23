import Foundation
import Testing
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

@Suite struct JSONWriterTests {
    @Test func escapesAndLayout() {
        let value = JSONValue.object([("a", .string("q\"b\\n\n\r\t\u{01}\u{2028}é😀")), ("b", .array([.int(-3), .bool(true), .null])), ("c", .object([])), ("d", .array([]))])
        #expect(value.serialized(pretty: false) == #"{"a":"q\"b\\n\n\r\t\u0001\u2028é😀","b":[-3,true,null],"c":{},"d":[]}"#)
        #expect(value.serialized() == "{\n  \"a\": \"q\\\"b\\\\n\\n\\r\\t\\u0001\\u2028é😀\",\n  \"b\": [\n    -3,\n    true,\n    null\n  ],\n  \"c\": {},\n  \"d\": []\n}")
        #expect(JSONValue.object([("", .string("")), ("e", .array([.string("")]))]).serialized(pretty: false) == #"{"":"","e":[""]}"#)
    }
}

@Suite struct TreeComparerTests {
    /// The comparison agrees with `git diff --name-only` (files, folders that became files and
    /// the reverse, names that sort differently as files and as folders), with and without a filter.
    @Test func agreesWithGitDiff() throws {
        let git = try GitFixture()
        try git.commit("one\n", files: ["a.txt": "1", "foo": "file", "foo.bar/x": "1", "foo-bar": "1", "src/x.swift": "1", "src/deep/y.swift": "1",
                                        "docs/CODEOWNERS": "1", ".mailmap": "1", "bar/inner.txt": "folder", "same/kept.txt": "1"])
        try git.run(["rm", "-q", "foo", "-r", "bar"])
        try git.commit("two\n", files: ["foo/inner.txt": "now a folder", "bar": "now a file", "foo.bar/x": "2", "src/deep/y.swift": "2",
                                        "docs/CODEOWNERS": "2", ".mailmap": "2", "z.txt": "new", "src/new/file.swift": "new"])
        try git.run(["rm", "-q", "a.txt"])
        try git.commit("three\n", files: ["src/x.swift": "3"])
        let repository = try #require(try Repository.discover(from: git.url.path))
        func tree(_ revision: String) throws -> ObjectID {
            try #require(ObjectID(hex: try git.run(["rev-parse", "\(revision)^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        func gitDiff(_ old: String, _ new: String, _ paths: [String] = []) throws -> [String] {
            try git.run(["diff", "--name-only", "--no-renames", old, new, "--"] + paths).split(separator: "\n").map(String.init)
        }
        let comparer = TreeComparer(repository: repository)
        for (old, new) in [("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD"), ("HEAD~2", "HEAD"), ("HEAD", "HEAD~2")] {
            let expected = try gitDiff(old, new)
            #expect(try comparer.changedPaths(from: tree(old), to: tree(new)) == expected)
            let patterns = PathPatternSet(["foo", "bar", "docs/CODEOWNERS", ".mailmap", "src/deep/**"])
            #expect(try comparer.changedPaths(from: tree(old), to: tree(new), filter: patterns.treeFilter) == gitDiff(old, new, ["foo", "bar", "docs/CODEOWNERS", ".mailmap", "src/deep"]))
        }
        let root = try #require(try git.run(["rev-list", "--max-parents=0", "HEAD"]).split(separator: "\n").first.map(String.init))
        #expect(try comparer.changedPaths(from: nil, to: tree(root)) == git.run(["ls-tree", "-r", "--name-only", root]).split(separator: "\n").map(String.init))
    }
}

@Suite struct CommitObjectTests {
    /// Writes `text` as a commit object as is (no validation) and reads it back.
    private static func commit(_ text: String, in git: GitFixture) throws -> Commit {
        let id = try git.run(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], input: text).trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try #require(try Repository.discover(from: git.url.path))
        return try repository.commit(#require(ObjectID(hex: id)))
    }

    private static let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    private static let parent = "1111111111111111111111111111111111111111"

    @Test func readsHeadersSignatureAndMessage() throws {
        let git = try GitFixture()
        let commit = try Self.commit("""
            tree \(Self.tree)
            parent \(Self.parent)
            parent 2222222222222222222222222222222222222222
            author  Alice Example  <alice@example.com> 1700000000 +0530
            committer Carol <carol@example.com> 1700000100 -0700
            encoding ISO-8859-1
            gpgsig -----BEGIN SSH SIGNATURE-----
             U1NIU0lH
             -----END SSH SIGNATURE-----

            Subject

            Body

            """, in: git)
        #expect(commit.treeID.description == Self.tree)
        #expect(commit.parentIDs.map(\.description) == [Self.parent, "2222222222222222222222222222222222222222"])
        #expect(commit.author == GitSignature(name: "Alice Example", email: "alice@example.com", time: 1_700_000_000, offsetMinutes: 330))
        #expect(commit.committer == GitSignature(name: "Carol", email: "carol@example.com", time: 1_700_000_100, offsetMinutes: -420))
        #expect(commit.committerTime == 1_700_000_100)
        #expect(commit.messageEncoding == "ISO-8859-1")
        #expect(commit.signatureArmor == "-----BEGIN SSH SIGNATURE-----")
        #expect(commit.rawMessage == Array("Subject\n\nBody\n".utf8))
    }

    /// The leniency of libgit2's parser, which the evidence has always had: extra author lines
    /// are ignored, an odd time zone is UTC, the e-mail is between the last `<` and `>`, a
    /// commit without a blank line has no message, and a message ends at a NUL byte.
    @Test func toleratesWhatGitToleratesButNothingMore() throws {
        let git = try GitFixture()
        let odd = try Self.commit("""
            tree \(Self.tree)
            author A <first@example.com> <a@example.com> 1700000000 +9999
            author B <b@example.com> 1 +0000
            committer C <c@example.com> 1700000100
            """, in: git)
        #expect(odd.parentIDs.isEmpty)
        #expect(odd.author == GitSignature(name: "A <first@example.com>", email: "a@example.com", time: 1_700_000_000, offsetMinutes: 0))
        #expect(odd.committer.time == 1_700_000_100)
        #expect(odd.rawMessage.isEmpty)
        #expect(odd.signatureArmor == nil)
        #expect(odd.messageEncoding == nil)

        let withNul = try Self.commit("tree \(Self.tree)\nauthor A <a@example.com> 1 +0000\ncommitter A <a@example.com> 1 +0000\n\nbefore\u{0}after\n", in: git)
        #expect(withNul.rawMessage == Array("before".utf8))

        for broken in ["author A a@example.com 1 +0000", "author A <a@example.com> nottime +0000"] {
            #expect(throws: GitError.self) {
                try Self.commit("tree \(Self.tree)\n\(broken)\ncommitter A <a@example.com> 1 +0000\n\nx\n", in: git)
            }
        }
        #expect(throws: GitError.self) { try Self.commit("parent \(Self.parent)\ntree \(Self.tree)\n\nx\n", in: git) }
    }
}

@Suite struct CanonicalRecordJSONTests {
    static let analyzer = ChangeAnalyzer(
        context: ChangeRuleContext(branch: "main", settings: ChangeExample(message: "").settings, now: Timestamp(seconds: 1_800_000_000)),
        sensitivePaths: PathPatternSet(ChangeSensitivePathRule.builtInPaths(programPrefix: nil)), bots: BotAccounts([]), mailmap: nil)

    static func facts(message: String, author: Identity, offsetMinutes: Int, parents: Int, mergedAuthors: [Identity] = [], noteApprovals: [Approval] = [],
                      signature: SignatureKind? = nil, paths: [String] = [], pathsListed: Bool = true) -> ChangeFacts {
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
            signature: .ssh, paths: ["src/a \"b\".swift", "docs/naïve\\path.md", ".mailmap"])
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
            + #""independent_approvers":2,"signature":"ssh","emergency":"it's 🔥 \"down\"","bot":false,"#
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

/// The byte-level helpers of the hot path answer as the character-level code they replace.
@Suite struct TextByteHelperTests {
    @Test func findsCharactersAsTheCharacterSearchDoes() {
        for text in ["Ann <ann@example.com>", "Ann <\u{301}ann@example.com> <b@example.com>", "é <x>", "a\u{301}<x>", "<", "", "no bracket", "\u{600}<x> <y>"] {
            let characters = Substring(text)
            #expect(Text.firstIndex(of: "<", in: characters) == characters.firstIndex(of: "<"), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func takesLeadingDigitsAsTheCharacterRuleDoes() {
        for text in ["66664 from example/topic", "12\u{301}3", "", "x1", "99", "7é", "5\u{301}"] {
            let characters = Substring(text)
            #expect(Text.leadingDigits(characters) == characters.prefix { $0.isASCII && $0.isNumber }, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func lowersOutsideASCIIAsLowercasedDoes() {
        #expect(BotAccounts(["ÄRGER-BOT*"]).contains(Identity(name: "ärger-bot 2", email: "")))
        #expect(BotAccounts([]).contains(Identity(name: "Renovate[BOT]", email: "")))
        #expect(ApprovalKind(trailerKey: "Ac\u{212A}ed-by") == .acked)
        #expect(ApprovalKind(trailerKey: "REVIEWED-BY") == .reviewed)
        #expect(ApprovalKind(trailerKey: "Signed-off-by") == nil)
    }
}

@Suite struct ObjectIDTests {
    @Test func parsesAndPrintsHexDigits() throws {
        let text = "0123456789abcdef0123456789ABCDEFfedcba98"
        let id = try #require(ObjectID(hex: text))
        #expect(id.description == text.lowercased())
        #expect(id.abbreviated() == "0123456789ab")
        #expect(id.abbreviated(7) == "0123456")
        #expect(ObjectID(hex: id.description) == id)
        #expect(id.bytes.count == 20 && id.bytes.first == 0x01 && id.bytes.last == 0x98)
    }

    @Test func refusesWhatIsNoID() {
        #expect(ObjectID(hex: String(repeating: "a", count: 39)) == nil)
        #expect(ObjectID(hex: String(repeating: "a", count: 41)) == nil)
        for bad in ["g", "G", "/", ":", "@", "`", " ", "\u{0}", "é"] {
            #expect(ObjectID(hex: String(repeating: "a", count: 39) + bad) == nil, "\(bad)")
        }
    }

    @Test func notePathsNameTheAnnotatedObject() throws {
        let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        #expect(Repository.annotatedObject(notePath: "01/23456789abcdef0123456789abcdef01234567") == id)
        #expect(Repository.annotatedObject(notePath: "01/23/456789abcdef0123456789abcdef01234567") == id)
        #expect(Repository.annotatedObject(notePath: "0123456789abcdef0123456789abcdef01234567") == id)
        #expect(Repository.annotatedObject(notePath: "01/23456789abcdef0123456789abcdef0123456") == nil)
        #expect(Repository.annotatedObject(notePath: "notes.txt") == nil)
    }
}

@Suite struct MailmapTests {
    @Test func resolvesOnlyTheEmailsItReplaces() throws {
        let mailmap = try Mailmap(contents: Array("""
            # Aliases
            Alice Example <alice@example.com> <alice@old.example.org>
            <bob@example.com> <bob@home.example.net>
            Carol Checker <carol@example.com> C. Checker <carol@laptop.local>
            Dana Reyes <dana@example.com>

            """.utf8))
        #expect(mailmap.resolve(Identity(name: "A.", email: "alice@old.example.org")) == Identity(name: "Alice Example", email: "alice@example.com"))
        #expect(mailmap.resolve(Identity(name: "Bobby", email: "bob@home.example.net")) == Identity(name: "Bobby", email: "bob@example.com"))
        // An entry with a commit name maps that name only.
        #expect(mailmap.resolve(Identity(name: "C. Checker", email: "carol@laptop.local")) == Identity(name: "Carol Checker", email: "carol@example.com"))
        #expect(mailmap.resolve(Identity(name: "Someone", email: "carol@laptop.local")) == Identity(name: "Someone", email: "carol@laptop.local"))
        // A name-only entry renames whoever commits with that email.
        #expect(mailmap.resolve(Identity(name: "dana", email: "dana@example.com")) == Identity(name: "Dana Reyes", email: "dana@example.com"))
        #expect(mailmap.resolve(Identity(name: "Eve", email: "eve@example.com")) == Identity(name: "Eve", email: "eve@example.com"))
        #expect(mailmap.resolve(Identity(name: "Nobody", email: "")) == Identity(name: "Nobody", email: ""))
    }
}

@Suite struct NoteIndexTests {
    /// Notes are listed as `git notes list` lists them, in a flat notes tree and under fan-out
    /// folders; files whose path spells no object id are not notes.
    @Test func listsNotesLikeGit() throws {
        let git = try GitFixture()
        var commits: [String] = []
        for number in 0..<3 { commits.append(try git.commit("c\(number)\n", files: ["f\(number)": "\(number)"])) }
        for (number, commit) in commits.enumerated() { try git.run(["notes", "--ref", "vouch", "add", "-m", "Approved-by: N\(number) <n@example.com>", commit]) }
        let repository = try #require(try Repository.discover(from: git.url.path))
        func listed() throws -> [String: String] {
            let lines = try git.run(["notes", "--ref", "vouch", "list"]).split(separator: "\n")
            return Dictionary(uniqueKeysWithValues: lines.map { line in
                let parts = line.split(separator: " ")
                return (String(parts[1]), String(parts[0]))
            })
        }
        func indexed() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try repository.noteIndex("refs/notes/vouch", at: repository.referenceTarget("refs/notes/vouch")).blobs.map { ($0.key.description, $0.value.description) })
        }
        #expect(try indexed() == listed())

        // The same notes under a two-digit fan-out, with a file that is no note beside them.
        let notesTree = try git.run(["rev-parse", "refs/notes/vouch^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var folders: [String: [String]] = [:]
        for line in try git.run(["ls-tree", notesTree]).split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            folders[String(fields[3].prefix(2)), default: []].append("\(fields[0]) blob \(fields[2])\t\(fields[3].dropFirst(2))")
        }
        var root = try folders.map { prefix, entries in
            "040000 tree \(try git.run(["mktree"], input: entries.joined(separator: "\n") + "\n").trimmingCharacters(in: .whitespacesAndNewlines))\t\(prefix)"
        }
        let readme = try git.run(["hash-object", "-w", "--stdin"], input: "not a note\n").trimmingCharacters(in: .whitespacesAndNewlines)
        root.append("100644 blob \(readme)\tREADME")
        let fannedOut = try git.run(["mktree"], input: root.joined(separator: "\n") + "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let notesCommit = try git.run(["commit-tree", fannedOut, "-p", "refs/notes/vouch", "-m", "fan out"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try git.run(["update-ref", "refs/notes/vouch", notesCommit])
        #expect(try indexed() == listed())
        #expect(try indexed().count == 3)
    }
}

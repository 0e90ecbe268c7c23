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

    @Test func namesInsideFolders() {
        let set = PathPatternSet([".mailmap", ".github/workflows/**", "docs/CODEOWNERS", "src"])
        #expect(set.names(inside: "") == [".github", ".mailmap", "docs", "src"])
        #expect(set.names(inside: ".github/") == ["workflows"])
        #expect(set.names(inside: ".github/workflows/") == nil)
        #expect(set.names(inside: "src/deep/") == nil)
        #expect(set.names(inside: "other/") == [])
        #expect(PathPatternSet(["**/*.pem", "a"]).names(inside: "") == nil)
        #expect(PathPatternSet(["*/config"]).names(inside: "x/") == ["config"])
    }

    @Test func botPatterns() {
        let bots = BotAccounts(["release-bot@example.com", "Jenkins*"])
        #expect(bots.contains(Identity(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com")))
        #expect(bots.contains(Identity(name: "Someone", email: "RELEASE-bot@example.com")))
        #expect(bots.contains(Identity(name: "Jenkins CI", email: "ci@example.com")))
        #expect(!bots.contains(Identity(name: "Alice", email: "alice@example.com")))
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
    }
}

@Suite struct TreeComparerTests {
    /// Looking names up and going through every entry give the same answer.
    @Test func nameLookupsAgreeWithTheFullComparison() throws {
        let git = try GitFixture()
        try git.commit("one\n", files: ["a.txt": "1", "foo": "file", "foo.bar/x": "1", "src/x.swift": "1", "docs/CODEOWNERS": "1", ".mailmap": "1"])
        let before = try git.run(["rev-parse", "HEAD^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try git.run(["rm", "-q", "foo"])
        try git.commit("two\n", files: ["foo/inner.txt": "now a folder", "foo.bar/x": "2", "src/x.swift": "2", "docs/CODEOWNERS": "2", ".mailmap": "2", "z.txt": "new"])
        let after = try git.run(["rev-parse", "HEAD^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try #require(try Repository.discover(from: git.url.path))
        let patterns = PathPatternSet(["foo", "foo.bar", "docs/CODEOWNERS", ".mailmap", "z.txt"])
        let full = TreePathFilter(descends: { patterns.couldMatch(below: $0) }, includes: { patterns.matches($0) })
        let expected = try repository.changedPaths(from: ObjectID(hex: before), to: ObjectID(hex: after), filter: full)
        #expect(expected == [".mailmap", "docs/CODEOWNERS", "foo", "foo.bar/x", "foo/inner.txt", "z.txt"])
        #expect(try repository.changedPaths(from: ObjectID(hex: before), to: ObjectID(hex: after), filter: patterns.treeFilter) == expected)
    }
}

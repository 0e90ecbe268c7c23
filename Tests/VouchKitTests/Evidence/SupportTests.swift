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
    }

    @Test func timestamps() {
        #expect(Timestamp(seconds: 1_772_445_600, offsetMinutes: 120).iso8601 == "2026-03-02T12:00:00+02:00")
        #expect(Timestamp(seconds: 1_772_445_600, offsetMinutes: -330).iso8601 == "2026-03-02T04:30:00-05:30")
        #expect(Timestamp(seconds: -1).utcDate == CalendarDate("1969-12-31")!)
        #expect(Timestamp(seconds: 1_772_445_600).utcDate == CalendarDate("2026-03-02")!)
    }
}

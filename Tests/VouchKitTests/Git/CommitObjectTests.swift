import Foundation
import Testing
import VouchKit

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

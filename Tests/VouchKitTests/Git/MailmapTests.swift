import Foundation
import Testing
import VouchKit

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

    /// Found by the mailmap fuzzer: libgit2 refused the whole file over a line whose replaced
    /// email is empty (and leaked an entry). Such a line is left out; the others still apply.
    @Test func aLineWithAnEmptyReplacedEmailLeavesTheOthersInForce() throws {
        for bad in ["<>", "Dana Reyes <dana@example.com> <>", "Someone <> # a comment"] {
            let mailmap = try Mailmap(contents: Array("Alice Example <alice@example.com> <alice@old.example.org>\n\(bad)\n<bob@example.com> <bob@home.example.net>".utf8))
            #expect(mailmap.resolve(Identity(name: "A.", email: "alice@old.example.org")) == Identity(name: "Alice Example", email: "alice@example.com"), "\(bad)")
            #expect(mailmap.resolve(Identity(name: "Bobby", email: "bob@home.example.net")) == Identity(name: "Bobby", email: "bob@example.com"), "\(bad)")
        }
        // An empty email that is not the one replaced is fine, as before.
        let kept = try Mailmap(contents: Array("Carol <> <carol@laptop.local>\n".utf8))
        #expect(kept.resolve(Identity(name: "c", email: "carol@laptop.local")).name == "Carol")
    }
}

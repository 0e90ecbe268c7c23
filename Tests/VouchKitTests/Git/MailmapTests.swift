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
}

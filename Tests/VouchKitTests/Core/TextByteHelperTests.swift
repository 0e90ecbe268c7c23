import Foundation
import Testing
import VouchKit

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

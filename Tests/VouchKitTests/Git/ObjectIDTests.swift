import Foundation
import Testing
import VouchKit
// How note paths name objects is internal (`Repository.annotatedObject(notePath:)`), read
// only by the notes listing; this test pins it down directly.
@testable import VouchGit

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

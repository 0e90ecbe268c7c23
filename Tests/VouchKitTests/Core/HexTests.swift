import Testing
import VouchKit

/// One hex encoder spells ids, digests, fingerprints and escapes.
@Suite struct HexTests {
    @Test func spellsBytesAsGitAndSha256sumDo() throws {
        #expect(Hex.string([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.string([0xab], uppercase: true) == "AB")
        #expect(Hex.string(UInt64(0x2a)) == "000000000000002a")
        #expect(SHA256.hex(SHA256.hash("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        #expect(id.description == "0123456789abcdef0123456789abcdef01234567")
        #expect(id.abbreviated(7) == "0123456")
        #expect(StableHash.hex("") == "cbf29ce484222325")
    }
}

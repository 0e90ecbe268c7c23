import Testing
import VouchKit

@Suite struct NameBasedUUIDTests {
    /// FIPS 180-2 appendix A vectors, plus the empty message.
    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ])
    func sha1(message: String, digest: String) {
        #expect(SHA256.hex(SHA1.hash(Array(message.utf8))) == digest)
    }

    @Test func sha1OfAMillionAs() {
        #expect(SHA256.hex(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// Python's `uuid.uuid5(uuid.NAMESPACE_URL, ...)` gives the same ids.
    @Test func nameBasedUUIDsMatchRFC4122() {
        #expect(NameBasedUUID(namespace: .urlNamespace, name: "http://python.org").description == "50960143-e2b7-5b7a-9ca7-05375f51d5c1")
        #expect(NameBasedUUID(namespace: .urlNamespace, name: "urn:vouch:oscal").description == "b2e68f51-a479-52d7-b6c5-70fa0ed8f661")
    }
}

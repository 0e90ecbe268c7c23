/// A hash that is the same on every machine and in every run (unlike `Hasher`), for
/// fingerprints that code hosts compare across commits. FNV-1a, 64 bits: fingerprints need
/// stability and spread, not resistance to forgery.
public enum StableHash {
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

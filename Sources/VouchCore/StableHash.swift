/// A hash that is the same on every machine and in every run (unlike `Hasher`), for
/// fingerprints that code hosts compare across commits, and for cheap look-ups by bytes (the
/// mailmap's emails). FNV-1a, 64 bits: both need stability and spread, not resistance to forgery.
public enum StableHash {
    public static func hex(_ text: String) -> String {
        Hex.string(value(text.utf8))
    }

    /// The hash of `bytes`.
    @inlinable package static func value(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}

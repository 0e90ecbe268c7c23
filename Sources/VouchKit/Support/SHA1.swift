/// SHA-1 (FIPS 180-4). Only for name-based (version 5) UUIDs, which RFC 4122 defines with SHA-1;
/// never for integrity, where SHA-256 is used.
public enum SHA1 {
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var h0: UInt32 = 0x67452301, h1: UInt32 = 0xEFCDAB89, h2: UInt32 = 0x98BADCFE, h3: UInt32 = 0x10325476, h4: UInt32 = 0xC3D2E1F0
        var message = bytes
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for blockStart in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                let base = blockStart + i * 4
                w[i] = UInt32(message[base]) << 24 | UInt32(message[base + 1]) << 16 | UInt32(message[base + 2]) << 8 | UInt32(message[base + 3])
            }
            for i in 16..<80 { w[i] = rotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var a = h0, b = h1, c = h2, d = h3, e = h4
            for i in 0..<80 {
                let (mix, constant): (UInt32, UInt32)
                switch i {
                case 0..<20: (mix, constant) = ((b & c) | (~b & d), 0x5A827999)
                case 20..<40: (mix, constant) = (b ^ c ^ d, 0x6ED9EBA1)
                case 40..<60: (mix, constant) = ((b & c) | (b & d) | (c & d), 0x8F1BBCDC)
                default: (mix, constant) = (b ^ c ^ d, 0xCA62C1D6)
                }
                let temporary = rotateLeft(a, 5) &+ mix &+ e &+ constant &+ w[i]
                e = d; d = c; c = rotateLeft(b, 30); b = a; a = temporary
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
        }
        return [h0, h1, h2, h3, h4].flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    private static func rotateLeft(_ value: UInt32, _ count: UInt32) -> UInt32 { (value << count) | (value >> (32 - count)) }
}

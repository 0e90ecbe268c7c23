/// SHA-256 (FIPS 180-4), for the hashes an auditor checks in an export's manifest.
public enum SHA256 {
    public static func digest(of bytes: [UInt8]) -> [UInt8] {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
        var schedule = [UInt32](repeating: 0, count: 64)
        // Plain shifts and unsafe buffers: hashing whole packages must be quick in debug builds too.
        schedule.withUnsafeMutableBufferPointer { w in
            roundConstants.withUnsafeBufferPointer { k in
                MerkleDamgard.forEachBlock(of: bytes) { block in
                    for index in 0..<16 { w[index] = block[index] }
                    for index in 16..<64 {
                        let w15 = w[index - 15], w2 = w[index - 2]
                        let s0 = (w15 >> 7 | w15 << 25) ^ (w15 >> 18 | w15 << 14) ^ (w15 >> 3)
                        let s1 = (w2 >> 17 | w2 << 15) ^ (w2 >> 19 | w2 << 13) ^ (w2 >> 10)
                        w[index] = w[index - 16] &+ s0 &+ w[index - 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for index in 0..<64 {
                        let s1 = (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7)
                        let t1 = h &+ s1 &+ ((e & f) ^ (~e & g)) &+ k[index] &+ w[index]
                        let s0 = (a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)
                        let t2 = s0 &+ ((a & b) ^ (a & c) ^ (b & c))
                        h = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ t2
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
            }
        }
        return MerkleDamgard.bigEndianBytes([h0, h1, h2, h3, h4, h5, h6, h7])
    }

    /// The digest as 64 lowercase hex digits.
    public static func hex(of bytes: [UInt8]) -> String { Hex.string(digest(of: bytes)) }

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

/// SHA-1 (FIPS 180-4). Only for name-based (version 5) UUIDs, which RFC 4122 defines with
/// SHA-1; never for integrity, where SHA-256 is used.
public enum SHA1 {
    public static func digest(of bytes: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        var schedule = [UInt32](repeating: 0, count: 80)
        MerkleDamgard.forEachBlock(of: bytes) { block in
            for index in 0..<16 { schedule[index] = block[index] }
            for index in 16..<80 {
                schedule[index] = (schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16]).rotatedLeft(1)
            }
            var a = state[0], b = state[1], c = state[2], d = state[3], e = state[4]
            for index in 0..<80 {
                let (mix, constant): (UInt32, UInt32)
                switch index {
                case 0..<20: (mix, constant) = ((b & c) | (~b & d), 0x5A827999)
                case 20..<40: (mix, constant) = (b ^ c ^ d, 0x6ED9EBA1)
                case 40..<60: (mix, constant) = ((b & c) | (b & d) | (c & d), 0x8F1BBCDC)
                default: (mix, constant) = (b ^ c ^ d, 0xCA62C1D6)
                }
                let temporary = a.rotatedLeft(5) &+ mix &+ e &+ constant &+ schedule[index]
                e = d; d = c; c = b.rotatedLeft(30); b = a; a = temporary
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d; state[4] &+= e
        }
        return MerkleDamgard.bigEndianBytes(state)
    }
}

/// The padding and block loop SHA-1 and SHA-256 share: 64-byte blocks of big-endian words,
/// the message followed by 0x80, zeros and its bit length.
enum MerkleDamgard {
    static func forEachBlock(of bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt32>) -> Void) {
        var tail = Array(bytes[(bytes.count - bytes.count % 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let words = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 16)
        defer { words.deallocate() }
        func process(_ chunk: UnsafeBufferPointer<UInt8>, at offset: Int) {
            let raw = UnsafeRawPointer(chunk.baseAddress! + offset)
            for index in 0..<16 { words[index] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)) }
            body(UnsafeBufferPointer(words))
        }
        bytes.withUnsafeBufferPointer { buffer in
            for offset in stride(from: 0, to: bytes.count - bytes.count % 64, by: 64) { process(buffer, at: offset) }
        }
        tail.withUnsafeBufferPointer { buffer in
            for offset in stride(from: 0, to: tail.count, by: 64) { process(buffer, at: offset) }
        }
    }

    static func bigEndianBytes(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }
}

enum Hex {
    static func string(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension UInt32 {
    @inline(__always) func rotatedLeft(_ count: UInt32) -> UInt32 { (self << count) | (self >> (32 - count)) }
}

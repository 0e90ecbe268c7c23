#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension [UInt8] {
    /// The first `byte` at or after `start`, found with memchr: object and message parsing scan a lot.
    @inlinable package func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count else { return nil }
        return withUnsafeBytes { buffer in
            memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start).map { $0 - UnsafeMutableRawPointer(mutating: buffer.baseAddress!) }
        }
    }
}

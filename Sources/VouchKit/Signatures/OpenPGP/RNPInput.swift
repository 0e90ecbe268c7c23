internal import CRNP

/// An RNP input stream over a copy of some bytes, destroyed when released.
final class RNPInput {
    let handle: OpaquePointer

    init(_ bytes: [UInt8]) throws {
        var handle: OpaquePointer?
        // RNP copies the bytes (the last argument), so the stream outlives the array's buffer;
        // an empty array has no buffer, so it stands for itself with a one-byte one of length 0.
        let result = (bytes.isEmpty ? [0] : bytes).withUnsafeBufferPointer { buffer in
            rnp_input_from_memory(&handle, buffer.baseAddress, bytes.count, true)
        }
        try RNPSession.check(result, "reading bytes")
        guard let handle else { throw OpenPGPError.library(operation: "reading bytes", code: UInt32(RNP_ERROR_NULL_POINTER), message: RNPSession.message(UInt32(RNP_ERROR_NULL_POINTER))) }
        self.handle = handle
    }

    deinit { rnp_input_destroy(handle) }
}

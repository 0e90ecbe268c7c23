#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `OpenPGPVerifier` per thread for one keyring. An RNP context serves one thread, while
/// the judging threads of a walk share one `OpenPGPSignatureVerifier`: each thread's verifier is
/// made the first time that thread verifies, and kept in that thread's own slot of a pthread
/// key that belongs to this object.
///
/// The verifiers are never destroyed: one RNP context per thread that verified (a few, a few
/// kilobytes each), left to the process's end. The walk's threads are not joined, so a thread
/// may end, or release the last copy of this object, while the main thread is already in
/// `exit`, destroying Botan's (RNP's cryptography) global allocator; destroying an RNP context
/// then writes to memory that allocator has unmapped.
///
/// Sendable as it is checked, without `@unchecked`: its stored properties are an immutable
/// keyring and the key (an integer). The verifiers are never stored in it: each lives in the
/// thread-local slot of the thread that made it, which only that thread reads.
final class OpenPGPThreadVerifiers: Sendable {
    let keyring: OpenPGPKeyring
    /// Nil when the process has no pthread key left; then every call makes a verifier of its own.
    private let key: pthread_key_t?

    init(keyring: OpenPGPKeyring) {
        self.keyring = keyring
        var key = pthread_key_t()
        self.key = pthread_key_create(&key, nil) == 0 ? key : nil
    }

    deinit {
        if let key { pthread_key_delete(key) }
    }

    /// `body` with the calling thread's verifier; throws when RNP cannot make a context.
    func withVerifier<Result>(_ body: (OpenPGPVerifier) -> Result) throws -> Result {
        guard let key else { return body(try OpenPGPVerifier(keyring: keyring)) }
        if let slot = pthread_getspecific(key) {
            return body(Unmanaged<OpenPGPVerifier>.fromOpaque(slot).takeUnretainedValue())
        }
        let made = try OpenPGPVerifier(keyring: keyring)
        guard pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque()) == 0 else {
            Unmanaged.passUnretained(made).release()
            return body(made)
        }
        return body(made)
    }
}

import Synchronization

/// Whether objects read from the repository are hashed again and checked against their ids.
///
/// Off by default, like git itself (reading a long history spends a third of its time hashing;
/// zlib's checksums still catch damaged data). `vouch export` and `vouch verify` turn it on: a
/// package handed to an auditor must not be built from an object whose content is not what its
/// id says. libgit2's switch is process-wide, so a command sets it once, before reading.
public enum ObjectVerification {
    private static let enabled = Atomic<Bool>(false)

    public static var isEnabled: Bool { enabled.load(ordering: .relaxed) }

    public static func enable(_ on: Bool) {
        LibGit2.ensureInitialized()
        ReadTuning.setStrictHashVerification(on)
        enabled.store(on, ordering: .relaxed)
    }

    /// The words the metadata and the manifest record.
    public static func recorded(_ verified: Bool) -> String { verified ? "verified" : "not-verified" }
}

internal import CLibGit2

/// How Vouch has libgit2 read a repository, in one place: the process-wide settings chosen for
/// long history walks, the switch for hash verification, and the second reader that lets two
/// threads read one repository without waiting on each other.
enum ReadTuning {
    /// Set once, when libgit2 is initialised (`LibGit2`).
    static func applyProcessDefaults() {
        // History walks read each commit once and keep the trees they compare themselves
        // (TreeComparer); libgit2's object cache only added memory and time on long histories.
        _ = vouch_git_enable_caching(0)
        // Packs are mapped in windows. libgit2's defaults (1 GB windows, 8 GB mapped) would map
        // all of a large pack; too few windows, and the two threads of a history walk (one in the
        // pack's commits, one in its trees, through readers of their own) kept unmapping each
        // other's (2,500 munmap calls on a 100,000-commit history with 32 MB, 25 with 64 MB).
        _ = vouch_git_set_mwindow_size(16 << 20)
        _ = vouch_git_set_mwindow_mapped_limit(64 << 20)
        // Like git itself, read objects without hashing them again: that was a third of the
        // time of reading a long history. zlib's checksums still catch corrupted data; `vouch
        // export` and `vouch verify` turn verification on (`ObjectVerification`).
        setStrictHashVerification(false)
    }

    /// libgit2's switch is process-wide: set it before any thread reads.
    static func setStrictHashVerification(_ on: Bool) {
        _ = vouch_git_enable_strict_hash_verification(on ? 1 : 0)
    }

    /// The objects folder under another name, for a second reader of its own.
    ///
    /// libgit2 keeps one reader per pack file, shared by every object database that names it,
    /// and locks it several times for each object read; two threads reading at once wait on each
    /// other more than they read. It tells pack files apart by path, so naming the folder
    /// `objects/.` gives an object database opened there pack readers (and a delta cache) of its
    /// own.
    static func separateObjectsPath(objectsFolder: String) -> String {
        objectsFolder + "/."
    }
}

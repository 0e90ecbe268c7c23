internal import CLibGit2

/// libgit2 must be initialised once per process before any other call.
enum LibGit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
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
        // time of reading a long history. zlib's checksums still catch corrupted data, and
        // `git fsck` is the integrity check of a repository (see docs/evidence.md).
        _ = vouch_git_enable_strict_hash_verification(0)
        return true
    }()

    static func ensureInitialized() { _ = initialized }
}

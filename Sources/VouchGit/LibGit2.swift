internal import CLibGit2

/// libgit2 must be initialised once per process before any other call.
enum LibGit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
        ReadTuning.applyProcessDefaults()
        return true
    }()

    static func ensureInitialized() { _ = initialized }
}

/// Why a command cannot find what it works on: no repository where one is needed, a program
/// that cannot be read from where it was asked for.
public enum WorkspaceError: VouchError, Sendable {
    /// The folder is in no git work tree (or in a bare repository).
    case notInWorkTree(String)
    /// The program's folder is in no git work tree.
    case programNotInWorkTree(String)
    /// Changes and approvals are read from history, and the folder is in no repository.
    case notInRepository(String)
    /// `vouch check` judges changes too, and the program is in no repository.
    case changesNeedRepository(String)
    /// The program is read from a commit, and its folder is in no repository.
    case programNotCommitted(String)
    /// A bare repository without commits has no vouch.yml to read.
    case emptyBareRepository(String)
    case noConfiguration
    /// vouch.yml has errors, so its settings cannot be trusted.
    case unusableConfiguration(errors: Int, firstLine: Int, firstMessage: String)

    public var description: String {
        switch self {
        case .notInWorkTree(let path):
            "\(path) is not inside a git work tree; run this in the repository that holds the program"
        case .programNotInWorkTree(let path):
            "the program at \(path) is not inside a git work tree; run 'git init' there first"
        case .notInRepository(let path):
            "\(path) is not inside a git repository; changes and approvals are read from git history, so run this inside a clone of the repository"
        case .changesNeedRepository(let path):
            "evaluating changes needs the program's git repository, and \(path) is not inside one; drop --range/--since/--until to lint only"
        case .programNotCommitted(let path):
            "\(path) is not in a git repository; export reads the program from a commit, so commit it to git first"
        case .emptyBareRepository(let path):
            "the bare repository at \(path) has no commits, so there is no vouch.yml to read"
        case .noConfiguration:
            "no vouch.yml found"
        case .unusableConfiguration(let errors, let line, let message):
            "vouch.yml has \(errors) error\(errors == 1 ? "" : "s") (first: line \(line): \(message)); run 'vouch lint' and fix them first"
        }
    }
}

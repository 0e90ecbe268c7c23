import Foundation

/// Where a command works: the program, the git repository around it and the program's folder
/// inside that repository, found from the folder the command runs in (or the program root it
/// was given) by one set of rules. Every command resolves what it needs through it, once.
public struct Workspace: Sendable {
    /// The folder the command runs in.
    public let current: URL
    /// The program root asked for (`--root`), nil to search upwards from `current`.
    public let explicitRoot: URL?

    /// `root` is relative to `current` unless absolute.
    public init(current: URL, root: String? = nil) {
        self.current = current
        explicitRoot = root.map { URL(fileURLWithPath: $0, relativeTo: current) }
    }

    /// The folder the search starts from: the program root asked for, else the current folder.
    private var start: URL { explicitRoot ?? current }

    /// The program in the work tree: the root asked for, else the nearest folder upwards with a vouch.yml.
    public func locate() throws -> ProgramLocation {
        try ProgramLocator.locate(from: current, explicitRoot: explicitRoot)
    }

    /// The program read from the work tree.
    /// - Parameter readingRunArtifacts: false for commands that need the run records but not
    ///   their artefacts' hashes (`Program.unreadRunArtifacts` then lists the artefacts).
    public func loadProgram(readingRunArtifacts: Bool = true) throws -> (ProgramLocation, Program) {
        let location = try locate()
        var source = location.directorySource
        source.readsRunArtifacts = readingRunArtifacts
        return (location, try Program.load(from: source))
    }

    /// The repository holding the program, when the program is in a git work tree with one.
    public static func repository(of location: ProgramLocation) -> Repository? {
        try? location.repositoryRoot.flatMap { try Repository.discover(from: $0.path) }
    }

    /// The repository whose changes `vouch check` judges beside the lint: the one holding the program.
    public static func changeRepository(of location: ProgramLocation) throws -> Repository {
        guard let root = location.repositoryRoot, let repository = try Repository.discover(from: root.path) else {
            throw WorkspaceError.changesNeedRepository(location.root.path)
        }
        return repository
    }

    /// Where `vouch init` writes: the root asked for, else the top of the work tree around the
    /// current folder, else the current folder.
    public var starterTarget: URL {
        if let explicitRoot { return explicitRoot.standardizedFileURL }
        return (try? Repository.discover(from: current.path))?.workingDirectory ?? current
    }

    /// The repository `vouch verify` reads a package's sources from: the one at `path` (relative
    /// to the current folder), else the one around the current folder, if any.
    public func sourceRepository(at path: String?) throws -> Repository? {
        guard let path else { return try Repository.discover(from: current.path) }
        return try Repository.open(at: URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL.path)
    }

    /// The git work tree around the start folder (bare repositories have none).
    public func workTreeRepository() throws -> Repository {
        guard let repository = try Repository.discover(from: start.path), !repository.isBare else {
            throw WorkspaceError.notInWorkTree(start.path)
        }
        return repository
    }

    /// The program and the git repository whose work tree holds it.
    public func locateInRepository() throws -> (ProgramLocation, Repository) {
        let location = try locate()
        guard let repositoryRoot = location.repositoryRoot, let repository = try Repository.discover(from: repositoryRoot.path) else {
            throw WorkspaceError.programNotInWorkTree(location.root.path)
        }
        return (location, repository)
    }

    /// The program as git's index holds it (`--staged`), as `git commit` would record it.
    public func locateStaged(environment: [String: String]) throws -> StagedProgramLocation {
        try ProgramLocator.locateStaged(from: current, explicitRoot: explicitRoot, environment: environment)
    }

    /// The program's work tree location, the repository it is committed in, and its folder
    /// there ("" or "a/b", no slash): what is read from a commit (`vouch export`).
    public func committedProgram() throws -> (location: ProgramLocation, repository: Repository, programPath: String) {
        let location = try locate()
        guard let workTree = location.repositoryRoot else { throw WorkspaceError.programNotCommitted(location.root.path) }
        let repository = try Repository.open(at: workTree.path)
        let prefix = location.pathInRepository ?? ""
        return (location, repository, prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix)
    }

    /// The program with the repository whose history it governs (`vouch evidence`, `vouch
    /// approve`): the repository around the program, or `repositoryPath` for a program kept in a
    /// repository of its own. In a bare repository, which has no work tree, the program is read
    /// from the commit `revision` names (default: HEAD).
    public func gitProgram(revision: String?, programRequired: Bool = true, repositoryPath: String? = nil) throws -> GitProgram {
        if let repositoryPath {
            guard let repository = try Repository.discover(from: repositoryPath) else { throw WorkspaceError.notInRepository(repositoryPath) }
            let (_, program) = try loadProgram()
            return GitProgram(repository: repository, program: program, programPrefix: nil)
        }
        let start = self.start.standardizedFileURL.path
        let discovered = try Repository.discover(from: start)
        if let repository = discovered, repository.isBare {
            guard let tip = try BranchTip.commit(named: revision, in: repository, orRevision: true) else {
                if programRequired { throw WorkspaceError.emptyBareRepository(repository.gitDirectory.path) }
                return GitProgram(repository: repository, program: nil, programPrefix: "")
            }
            do {
                return GitProgram(repository: repository, program: try Program.load(from: GitFileSource(repository: repository, snapshot: .commit(tip))), programPrefix: "")
            } catch is ProgramError where !programRequired {
                return GitProgram(repository: repository, program: nil, programPrefix: "")
            }
        }
        let located: (ProgramLocation, Program)
        do {
            located = try loadProgram()
        } catch {
            guard !programRequired, let repository = discovered else {
                throw discovered == nil && !programRequired ? WorkspaceError.notInRepository(start) : error
            }
            return GitProgram(repository: repository, program: nil, programPrefix: "")
        }
        let (location, program) = located
        guard let prefix = location.pathInRepository, let repository = try Repository.discover(from: location.root.path) else {
            throw WorkspaceError.notInRepository(location.root.path)
        }
        return GitProgram(repository: repository, program: program, programPrefix: prefix)
    }
}

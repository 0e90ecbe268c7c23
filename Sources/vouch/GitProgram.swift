import Foundation
import VouchKit

/// A program together with the git repository around it: what `vouch evidence` and
/// `vouch approve` work on.
struct GitProgram {
    var repository: Repository
    /// Nil only for `vouch approve` outside any program.
    var program: Program?
    /// The program's folder inside the repository ("" or "a/b/"); nil when the program is kept
    /// in another repository (`--repository`).
    var programPrefix: String?

    static func notARepository(_ path: String) -> CommandFailure {
        CommandFailure("\(path) is not inside a git repository; changes and approvals are read from git history, so run this inside a clone of the repository")
    }

    /// The program from the work tree (found from the current folder or `--root`) and its
    /// repository. In a bare repository, which has no work tree, the program is read from the
    /// commit at `revision` (the branch tip).
    static func locate(_ options: ProgramOptions, revision: String?, programRequired: Bool = true, repositoryPath: String? = nil) throws -> GitProgram {
        let current = FileManager.default.currentDirectoryPath
        if let repositoryPath {
            // The program (from the work tree) governs changes of a repository kept elsewhere.
            guard let repository = try gitCall({ try Repository.discover(from: repositoryPath) }) else { throw notARepository(repositoryPath) }
            let (_, program) = try options.loadProgram()
            return GitProgram(repository: repository, program: program, programPrefix: nil)
        }
        let start = options.root.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: current, isDirectory: true)).standardizedFileURL.path } ?? current
        let discovered = try gitCall { try Repository.discover(from: start) }
        if let repository = discovered, repository.isBare {
            let tip = try gitCall { try revision.map { try repository.resolveBranch($0)?.tip ?? repository.resolveCommit($0) } ?? headCommit(repository) }
            guard let tip else {
                if programRequired { throw CommandFailure("the bare repository at \(repository.gitDirectory.path) has no commits, so there is no vouch.yml to read") }
                return GitProgram(repository: repository, program: nil, programPrefix: "")
            }
            do {
                return GitProgram(repository: repository, program: try Program.load(from: GitFileSource(repository: repository, snapshot: .commit(tip))), programPrefix: "")
            } catch let error as ProgramError {
                if programRequired { throw CommandFailure(error.description) }
                return GitProgram(repository: repository, program: nil, programPrefix: "")
            }
        }
        let located: (ProgramLocation, Program)
        do {
            located = try options.loadProgram()
        } catch {
            guard !programRequired, let repository = discovered else { throw discovered == nil && !programRequired ? notARepository(start) : error }
            return GitProgram(repository: repository, program: nil, programPrefix: "")
        }
        let (location, program) = located
        guard let prefix = location.pathInRepository, let repository = try gitCall({ try Repository.discover(from: location.root.path) }) else {
            throw notARepository(location.root.path)
        }
        return GitProgram(repository: repository, program: program, programPrefix: prefix)
    }

    private static func headCommit(_ repository: Repository) throws -> ObjectID? {
        switch try repository.head {
        case .branch(_, let commit), .detached(let commit): commit
        case .unborn: nil
        }
    }

    /// vouch.yml must be readable for its settings to be trusted.
    func requireUsableConfiguration() throws -> Program {
        guard let program else { throw CommandFailure("no vouch.yml found") }
        let problems = program.readFindings.filter { $0.file == Configuration.fileName && $0.severity == .error }
        guard problems.isEmpty else {
            throw CommandFailure("vouch.yml has \(problems.count) error\(problems.count == 1 ? "" : "s") (first: line \(problems[0].line): \(problems[0].message)); run 'vouch lint' and fix them first")
        }
        return program
    }
}

/// Problems with the program's surroundings (no program, no repository, an unreadable index,
/// an incomplete history) are environment errors: exit 2 with their own words.
func gitCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GitError {
        throw CommandFailure(gitFailure: error)
    } catch let error as EvidenceError {
        if case .git(let git) = error { throw CommandFailure(gitFailure: git) }
        throw CommandFailure(error.description)
    } catch let error as ProgramError {
        throw CommandFailure(error.description)
    }
}

extension CommandFailure {
    /// A libgit2 failure in its own words; a corrupt object says so, and what to do.
    init(gitFailure error: GitError) {
        guard error.isHashMismatch else {
            self.init(error.description)
            return
        }
        self.init("the repository is corrupt: an object's content does not match its id (\(error.description)); "
            + "run 'git fsck' to see what is damaged and restore it from another clone; --no-verify-objects reads without this check")
    }
}

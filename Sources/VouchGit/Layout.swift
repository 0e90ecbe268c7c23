internal import CLibGit2
import Foundation

extension Repository {
    /// The folder shared by all worktrees of the repository (objects, refs, `shallow`); for a
    /// linked worktree this is the main repository's `.git`, not the worktree's own git folder.
    public var commonDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_commondir(handle)), isDirectory: true).standardizedFileURL
    }

    /// The commits recorded in `shallow` (the cut-off points of a shallow clone), empty when the
    /// history is complete.
    ///
    /// libgit2 1.5 does not treat these as grafts, so a walk would run into a parent that is not
    /// there; callers check this first and refuse to present a partial history. The file lives in
    /// the common folder, so linked worktrees of a shallow clone are shallow too.
    public func shallowCommits() throws -> [ObjectID] {
        let path = commonDirectory.appendingPathComponent("shallow").path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GitError(code: -1, operation: "reading \(path)", message: "the file exists but cannot be read")
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap {
            ObjectID(hex: $0.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Whether `descendant` has `ancestor` in its history (a commit is not its own descendant).
    public func isDescendant(_ descendant: ObjectID, of ancestor: ObjectID) throws -> Bool {
        var commit = descendant.raw, base = ancestor.raw
        return try GitError.check(git_graph_descendant_of(handle, &commit, &base), "comparing the histories of \(descendant) and \(ancestor)") == 1
    }
}

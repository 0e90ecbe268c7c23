import Foundation

/// Where a program lives: its root folder (with `vouch.yml`) and the git work tree around it.
public struct ProgramLocation: Sendable {
    public var root: URL
    /// The git work tree containing the program, if any.
    public var repositoryRoot: URL?

    /// The program's folder inside the repository: "" at the work tree's root, else "a/b/";
    /// nil outside git.
    public var pathInRepository: String? {
        guard let repositoryRoot else { return nil }
        return Self.prefix(of: root, in: repositoryRoot)
    }

    static func prefix(of folder: URL, in workTree: URL) -> String {
        let inner = folder.resolvingSymlinksInPath().path, top = workTree.resolvingSymlinksInPath().path
        return inner == top || !inner.hasPrefix(top + "/") ? "" : String(inner.dropFirst(top.count + 1)) + "/"
    }

    /// The program files in the work tree, confined to the repository (or the root outside git).
    public var directorySource: DirectoryFileSource {
        DirectoryFileSource(root: root, boundary: repositoryRoot ?? root)
    }
}

public enum ProgramLocator {
    /// Finds the program: `explicitRoot` if given, else the nearest folder from `start` upwards
    /// that holds a `vouch.yml`, like git finds `.git`.
    public static func locate(from start: URL, explicitRoot: URL? = nil) throws -> ProgramLocation {
        let root: URL
        if let explicitRoot {
            root = explicitRoot.standardizedFileURL
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(Configuration.fileName).path) else {
                throw ProgramError.noConfiguration(root.path)
            }
        } else {
            var folder = start.standardizedFileURL
            while !FileManager.default.fileExists(atPath: folder.appendingPathComponent(Configuration.fileName).path) {
                let parent = folder.deletingLastPathComponent()
                guard parent.path != folder.path else { throw ProgramError.notFound(start.path) }
                folder = parent
            }
            root = folder
        }
        let repository = try? Repository.discover(from: root.path)
        return ProgramLocation(root: root, repositoryRoot: repository?.workingDirectory)
    }
}

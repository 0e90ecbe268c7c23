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
        ProgramLayout.folderPrefix(ProgramLocator.relativePath(of: folder, inside: workTree) ?? "")
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

/// Where a staged program lives: the repository whose index holds it and its folder inside it.
public struct StagedProgramLocation {
    public var repository: Repository
    /// The program's folder inside the repository: "" at the work tree's root, else "a/b/".
    public var pathInRepository: String
    /// The program folder in the work tree (command-line paths are relative to it).
    public var root: URL
    /// The index the program was found in.
    public var index: StagedIndex

    /// The staged program files, as `git commit` would record them.
    public var source: GitFileSource {
        GitFileSource(repository: repository, snapshot: .stagedIndex(index), programPath: pathInRepository)
    }
}

extension ProgramLocator {
    /// Finds the program as it is staged: the nearest folder from `start` (or exactly
    /// `explicitRoot`) upwards whose `vouch.yml` is in the index, whether or not it is still in
    /// the work tree. Honours `GIT_DIR`, which git sets for hooks when run with `--git-dir`.
    public static func locateStaged(from start: URL, explicitRoot: URL? = nil, environment: [String: String]) throws -> StagedProgramLocation {
        let origin = (explicitRoot ?? start).standardizedFileURL
        let repository: Repository
        if let gitDirectory = environment["GIT_DIR"], !gitDirectory.isEmpty {
            repository = try Repository.open(at: URL(fileURLWithPath: gitDirectory, relativeTo: start).standardizedFileURL.path)
        } else {
            // The folder may be gone from the work tree while still staged: search from its nearest existing parent.
            var existing = origin
            while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" { existing = existing.deletingLastPathComponent() }
            guard let found = try Repository.discover(from: existing.path) else { throw ProgramError.notInWorkTree(origin.path) }
            repository = found
        }
        guard let workTree = repository.workingDirectory else { throw ProgramError.notInWorkTree(origin.path) }
        guard let relative = relativePath(of: origin, inside: workTree) else { throw ProgramError.notInWorkTree(origin.path) }
        let index = try repository.stagedIndex(environment: environment)
        var components = relative.split(separator: "/").map(String.init)
        while true {
            let folder = components.joined(separator: "/")
            if index.entry(atPath: folder.isEmpty ? Configuration.fileName : folder + "/" + Configuration.fileName) != nil {
                return StagedProgramLocation(repository: repository, pathInRepository: ProgramLayout.folderPrefix(folder), root: folder.isEmpty ? workTree : workTree.appendingPathComponent(folder, isDirectory: true), index: index)
            }
            guard explicitRoot == nil, !components.isEmpty else { throw ProgramError.notStaged(relative) }
            components.removeLast()
        }
    }

    /// `url`'s path relative to `folder` ("" for the folder itself), comparing real paths so
    /// symbolic links such as /tmp → /private/tmp do not matter; nil when outside.
    static func relativePath(of url: URL, inside folder: URL) -> String? {
        let base = DirectoryFileSource.realPath(folder.path) ?? folder.path
        var existing = url.path
        var missing: [String] = []
        // Resolve the longest existing part; the rest (deleted folders) is kept as written.
        while DirectoryFileSource.realPath(existing) == nil, existing != "/" {
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let real = ([DirectoryFileSource.realPath(existing) ?? existing] + missing).joined(separator: "/")
        if real == base { return "" }
        let basePrefix = base.hasSuffix("/") ? base : base + "/"
        guard real.hasPrefix(basePrefix) else { return nil }
        return String(real.dropFirst(basePrefix.count))
    }
}

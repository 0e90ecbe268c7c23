import Foundation

/// Program files read from a directory on disk.
///
/// Symbolic links are followed only while they stay inside `boundary` (the repository's work
/// tree, or the program root outside git); a link that leaves it is refused with a finding, so a
/// program can never pull in files from elsewhere on the machine.
public struct DirectoryFileSource: ProgramFileSource, Sendable {
    public var root: URL
    public var boundary: URL
    /// Whether run artefacts are read and hashed; commands that judge only the records
    /// (`vouch runs`) leave them `.unread`, hundreds of megabytes on a large program.
    public var readsRunArtifacts = true

    public init(root: URL, boundary: URL? = nil) {
        self.root = root.standardizedFileURL
        self.boundary = (boundary ?? root).standardizedFileURL
    }

    public var displayName: String { root.path }

    public func programFiles() throws -> [ProgramFile] {
        var files: [ProgramFile] = []
        var pending: [String] = []
        let realBoundary = Self.realPath(boundary.path) ?? boundary.path
        if let file = loadFile(relativePath: Configuration.fileName, realBoundary: realBoundary) { files.append(file) }
        for folder in ProgramLayout.folders {
            let absolute = root.appendingPathComponent(folder).path
            guard FileManager.default.fileExists(atPath: absolute) else { continue }
            if !isInside(absolute, realBoundary: realBoundary) {
                files.append(ProgramFile(path: folder, contents: .failure(FindingError(FileSymlinkRule.finding(
                    at: SourceLocation(file: folder),
                    "the \(folder) folder is a symbolic link to \(Self.realPath(absolute) ?? "?"), outside the repository; program files must live in the repository")))))
                continue
            }
            walk(folder, realBoundary: realBoundary, depth: 0, into: &files, reading: &pending)
        }
        // Reading is spread over the cores: tens of thousands of run artefacts are hundreds of
        // megabytes, and one thread's reads would leave the others waiting for them.
        let (source, paths) = (self, pending)
        let read = WorkerThread.map(paths.count) { source.loadFile(relativePath: paths[$0], realBoundary: realBoundary) }
        files.append(contentsOf: read.compactMap { $0 })
        return files.sorted { $0.path < $1.path }
    }

    /// Lists the folder: refused links become findings in `files`, files to read go to `pending`.
    private func walk(_ relativeFolder: String, realBoundary: String, depth: Int, into files: inout [ProgramFile], reading pending: inout [String]) {
        guard depth < 32 else { return }
        let folderPath = root.appendingPathComponent(relativeFolder).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderPath) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let relative = relativeFolder + "/" + name
            let absolute = folderPath + "/" + name
            var status = stat()
            guard lstat(absolute, &status) == 0 else { continue }
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            var isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
            if isLink {
                var target = stat()
                guard stat(absolute, &target) == 0 else {
                    if ProgramLayout.role(of: relative) != nil {
                        files.append(ProgramFile(path: relative, contents: .failure(FindingError(FileSymlinkRule.finding(
                            at: SourceLocation(file: relative),
                            "symbolic link points to a file that does not exist; fix or remove the link")))))
                    }
                    continue
                }
                isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                if !isInside(absolute, realBoundary: realBoundary) {
                    if isDirectory || ProgramLayout.role(of: relative) != nil {
                        files.append(ProgramFile(path: relative, contents: .failure(FindingError(FileSymlinkRule.finding(
                            at: SourceLocation(file: relative),
                            "symbolic link points outside the repository (\(Self.realPath(absolute) ?? "?")); program files must live in the repository, so copy the file in instead")))))
                    }
                    continue
                }
            }
            if isDirectory {
                walk(relative, realBoundary: realBoundary, depth: depth + 1, into: &files, reading: &pending)
            } else if ProgramLayout.role(of: relative) != nil {
                pending.append(relative)
            }
        }
    }

    private func loadFile(relativePath: String, realBoundary: String) -> ProgramFile? {
        guard ProgramLayout.role(of: relativePath) != nil else { return nil }
        let absolute = root.path + "/" + relativePath
        guard access(absolute, F_OK) == 0 else { return nil }
        if relativePath == Configuration.fileName, !isInside(absolute, realBoundary: realBoundary) {
            return ProgramFile(path: relativePath, contents: .failure(FindingError(FileSymlinkRule.finding(
                at: SourceLocation(file: relativePath),
                "vouch.yml is a symbolic link to a file outside the repository; keep the configuration in the repository"))))
        }
        let role = ProgramLayout.role(of: relativePath)
        if role == .runArtifact, !readsRunArtifacts { return ProgramFile(path: relativePath, contents: .unread) }
        let read = Self.readBytes(absolute, path: relativePath)
        if ProgramLayout.isHashedOnly(role), case .success(let bytes) = read {
            return ProgramFile(path: relativePath, contents: .sha256(SHA256.hex(SHA256.hash(bytes))))
        }
        return ProgramFile(path: relativePath, contents: read)
    }

    /// Reads a file with one open, fstat and read: this runs for every file on every lint.
    static func readBytes(_ absolute: String, path: String) -> Result<[UInt8], FindingError> {
        let descriptor = open(absolute, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(FindingError(FileEncodingRule.finding(at: SourceLocation(file: path), "file could not be read: \(String(cString: strerror(errno)))")))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(FindingError(FileEncodingRule.finding(at: SourceLocation(file: path), "file could not be read: \(String(cString: strerror(errno)))")))
        }
        let size = Int(status.st_size)
        if size > ProgramLayout.maximumSize(of: path) {
            return .failure(FindingError(FileTooLargeRule.finding(
                at: SourceLocation(file: path),
                "file is \(size) bytes, over the \(ProgramLayout.maximumSize(of: path))-byte limit for program files; split it or move bulky material out of the program folders")))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return .success(filled == size ? bytes : Array(bytes.prefix(filled)))
    }

    private func isInside(_ path: String, realBoundary: String) -> Bool {
        guard let real = Self.realPath(path) else { return false }
        return real == realBoundary || real.hasPrefix(realBoundary.hasSuffix("/") ? realBoundary : realBoundary + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

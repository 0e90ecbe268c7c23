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
        let realBoundary = Self.realPath(boundary.path) ?? boundary.path
        let configuration = root.path + "/" + Configuration.fileName
        if access(configuration, F_OK) == 0 {
            if isInside(configuration, realBoundary: realBoundary) {
                files.append(load(Configuration.fileName, role: .configuration))
            } else {
                files.append(ProgramFile(path: Configuration.fileName, contents: .failure(FindingError(FileSymlinkRule.finding(
                    at: SourceLocation(file: Configuration.fileName),
                    "vouch.yml is a symbolic link to a file outside the repository; keep the configuration in the repository")))))
            }
        }
        // Each program folder is listed here; its files and subfolders are units of work spread
        // over the cores, a subfolder listed and read whole by one thread. Tens of thousands of
        // run records and artefacts (hundreds of megabytes) would otherwise be listed and read
        // one after the other while the other cores wait.
        var units: [Unit] = []
        for folder in ProgramLayout.folders {
            let absolute = root.path + "/" + folder
            guard access(absolute, F_OK) == 0 else { continue }
            if !isInside(absolute, realBoundary: realBoundary) {
                files.append(ProgramFile(path: folder, contents: .failure(FindingError(FileSymlinkRule.finding(
                    at: SourceLocation(file: folder),
                    "the \(folder) folder is a symbolic link to \(Self.realPath(absolute) ?? "?"), outside the repository; program files must live in the repository")))))
                continue
            }
            let listing = list(folder, realBoundary: realBoundary)
            files += listing.refused
            units += listing.files.map { .file($0.path, $0.role) } + listing.folders.map(Unit.folder)
        }
        let (source, work) = (self, units)
        let read = WorkerThread.map(work.count) { index -> [ProgramFile] in
            switch work[index] {
            case .file(let path, let role): return [source.load(path, role: role)]
            case .folder(let path):
                var found: [ProgramFile] = []
                source.walk(path, realBoundary: realBoundary, depth: 1, into: &found)
                return found
            }
        }
        files += read.joined()
        return files.sorted { $0.path < $1.path }
    }

    /// A file to read, or a folder to list and read, by one thread.
    private enum Unit: Sendable {
        case file(String, ProgramLayout.Role)
        case folder(String)
    }

    /// What one folder holds: links refused (as findings), program files, and subfolders.
    private struct Listing {
        var refused: [ProgramFile] = []
        var files: [(path: String, role: ProgramLayout.Role)] = []
        var folders: [String] = []
    }

    /// Lists and reads a folder and everything below it.
    private func walk(_ relativeFolder: String, realBoundary: String, depth: Int, into files: inout [ProgramFile]) {
        guard depth < 32 else { return }
        let listing = list(relativeFolder, realBoundary: realBoundary)
        files += listing.refused
        files += listing.files.map { load($0.path, role: $0.role) }
        for folder in listing.folders { walk(folder, realBoundary: realBoundary, depth: depth + 1, into: &files) }
    }

    /// One folder's entries, skipping names that start with `.`. The directory entry's type says
    /// what most entries are; only links (and file systems that do not say) need a `stat`.
    private func list(_ relativeFolder: String, realBoundary: String) -> Listing {
        var listing = Listing()
        let folderPath = root.path + "/" + relativeFolder
        guard let directory = opendir(folderPath) else { return listing }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let type = Int32(entry.pointee.d_type)
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let relative = relativeFolder + "/" + name
            let absolute = folderPath + "/" + name
            var isDirectory = type == Int32(DT_DIR)
            var isLink = type == Int32(DT_LNK)
            if type != Int32(DT_REG), !isDirectory, !isLink {
                var status = stat()
                guard lstat(absolute, &status) == 0 else { continue }
                isLink = (status.st_mode & S_IFMT) == S_IFLNK
                isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
            }
            let role = ProgramLayout.role(of: relative)
            if isLink {
                var target = stat()
                guard stat(absolute, &target) == 0 else {
                    if role != nil {
                        listing.refused.append(ProgramFile(path: relative, contents: .failure(FindingError(FileSymlinkRule.finding(
                            at: SourceLocation(file: relative),
                            "symbolic link points to a file that does not exist; fix or remove the link")))))
                    }
                    continue
                }
                isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                if !isInside(absolute, realBoundary: realBoundary) {
                    if isDirectory || role != nil {
                        listing.refused.append(ProgramFile(path: relative, contents: .failure(FindingError(FileSymlinkRule.finding(
                            at: SourceLocation(file: relative),
                            "symbolic link points outside the repository (\(Self.realPath(absolute) ?? "?")); program files must live in the repository, so copy the file in instead")))))
                    }
                    continue
                }
            }
            if isDirectory {
                listing.folders.append(relative)
            } else if let role {
                listing.files.append((relative, role))
            }
        }
        return listing
    }

    private func load(_ relativePath: String, role: ProgramLayout.Role) -> ProgramFile {
        if role == .runArtifact, !readsRunArtifacts { return ProgramFile(path: relativePath, contents: .unread) }
        let read = Self.readBytes(root.path + "/" + relativePath, path: relativePath, maximumSize: ProgramLayout.maximumSize(of: role))
        if ProgramLayout.isHashedOnly(role), case .success(let bytes) = read {
            return ProgramFile(path: relativePath, contents: .sha256(SHA256.hex(SHA256.hash(bytes))))
        }
        return ProgramFile(path: relativePath, contents: read)
    }

    /// Reads a file with one open, fstat and read: this runs for every file on every lint.
    static func readBytes(_ absolute: String, path: String, maximumSize: Int) -> Result<[UInt8], FindingError> {
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
        if size > maximumSize {
            return .failure(FindingError(FileTooLargeRule.finding(
                at: SourceLocation(file: path),
                "file is \(size) bytes, over the \(maximumSize)-byte limit for program files; split it or move bulky material out of the program folders")))
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

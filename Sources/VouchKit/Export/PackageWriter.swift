import Foundation

/// Writes a package into a folder, and only there.
public enum PackageWriter {
    /// Refuses a folder that is not empty unless `force`; with `force` its contents are
    /// removed first, so no stale file of an earlier export stays beside the new one.
    /// The copies are read from `repository` one at a time as they are written.
    public static func write(_ package: ExportPackage, to folder: URL, force: Bool, copiesFrom repository: Repository) throws {
        let fileManager = FileManager.default
        let path = folder.path
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ExportError.outputNotAFolder(path) }
            let contents = try fileManager.contentsOfDirectory(atPath: path)
            if !contents.isEmpty {
                guard force else { throw ExportError.outputNotEmpty(path) }
                if contents.contains(".git") || contents.contains(Configuration.fileName) { throw ExportError.outputLooksLikeARepository(path) }
                for name in contents {
                    do { try fileManager.removeItem(at: folder.appendingPathComponent(name)) } catch {
                        throw ExportError.cannotWrite(path + "/" + name, error.localizedDescription)
                    }
                }
            }
        }
        var folders: Set<String> = []
        func write(_ path: String, _ bytes: () throws -> [UInt8]) throws {
            let url = folder.appendingPathComponent(path)
            do {
                let parent = url.deletingLastPathComponent()
                if folders.insert(parent.path).inserted {
                    try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
                }
                try writeFile(try bytes(), at: url.path)
            } catch let error as GitError {
                throw error
            } catch {
                throw ExportError.cannotWrite(url.path, error.localizedDescription)
            }
        }
        for copy in package.copies { try write(copy.path) { try repository.blob(copy.blob) } }
        for file in package.files { try write(file.path) { file.bytes } }
    }

    /// Writes a new file (never through an existing one: the folder was emptied first, and a
    /// path twice in one package is a bug to report, not to paper over). Not flushed file by
    /// file as Foundation's `Data.write` does: like `cp` and `tar`, the system writes it out, and
    /// a package a crash left short fails `vouch verify` against its manifest. Flushing each of
    /// twenty thousand run artefacts took longer than the rest of the export.
    private static func writeFile(_ bytes: [UInt8], at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PackageWriteError(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw PackageWriteError(reason: String(cString: strerror(errno))) }
            written += count
        }
    }

    struct PackageWriteError: Error, LocalizedError {
        var reason: String
        var errorDescription: String? { reason }
    }
}

/// POSIX `write`, named apart from `PackageWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

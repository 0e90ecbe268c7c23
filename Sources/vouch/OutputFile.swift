import Foundation

/// Buffered output to standard output or to a file. A file is written beside its final name
/// and moved into place by `finish()`, so a failed run never leaves half a report behind.
final class OutputFile {
    private let handle: FileHandle
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: [UInt8] = []

    /// Standard output when `path` is nil.
    init(path: String?) throws {
        finalPath = path
        guard let path else {
            handle = FileHandle.standardOutput
            temporaryPath = nil
            return
        }
        let temporary = path + ".vouch-\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let opened = FileHandle(forWritingAtPath: temporary) else {
            throw CommandFailure("cannot write \(path): the folder does not exist or is not writable")
        }
        handle = opened
        temporaryPath = temporary
    }

    /// A scratch file in the temporary folder, for output that must be written before its head.
    static func scratch() throws -> (OutputFile, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-\(UUID().uuidString).tmp").path
        return (try OutputFile(path: path), path)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends a file's content (a scratch file) in chunks, then removes it.
    func append(contentsOf path: String) throws {
        flush()
        guard let input = FileHandle(forReadingAtPath: path) else { throw CommandFailure("cannot read back \(path)") }
        defer { try? input.close(); try? FileManager.default.removeItem(atPath: path) }
        while true {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            handle.write(chunk)
        }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file moves it to its final name.
    func finish() throws {
        flush()
        guard let temporaryPath, let finalPath else { return }
        try handle.close()
        do {
            if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw CommandFailure("cannot write \(finalPath): \(error.localizedDescription)")
        }
    }

    deinit {
        if let temporaryPath, FileManager.default.fileExists(atPath: temporaryPath) { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }
}

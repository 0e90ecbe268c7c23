import Foundation
import VouchKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered output to standard output or to a file. A file is written beside its final name
/// and moved into place by `finish()`, so a failed run never leaves half a report behind.
final class OutputFile: ReportOutput {
    private let descriptor: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    /// For a scratch file: where it is, to be read back by `append(_:)`.
    private var scratchPath: String?
    private var buffer: [UInt8] = []
    private var failure: String?
    private var isClosed = false

    /// Standard output when `path` is nil.
    init(path: String?) throws {
        finalPath = path
        guard let path else {
            descriptor = STDOUT_FILENO
            temporaryPath = nil
            return
        }
        let temporary = path + ".vouch-\(ProcessInfo.processInfo.processIdentifier).tmp"
        let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw CommandFailure("cannot write \(path): the folder does not exist or is not writable")
        }
        descriptor = opened
        temporaryPath = temporary
    }

    /// A scratch file in the temporary folder, for output that must be written before its head.
    static func scratch() throws -> (OutputFile, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-\(UUID().uuidString).tmp").path
        return (try OutputFile(path: path), path)
    }

    func write(_ text: String) { buffered(text.utf8) }

    func write(bytes: UnsafeRawBufferPointer) { buffered(bytes) }

    func scratch() throws -> any ReportOutput {
        let (file, path) = try Self.scratch()
        file.scratchPath = path
        return file
    }

    func append(_ scratch: any ReportOutput) throws {
        guard let file = scratch as? OutputFile, let path = file.scratchPath else { return }
        try file.finish()
        try append(contentsOf: path)
    }

    private func buffered(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends a file's content (a scratch file) in large chunks, then removes it.
    func append(contentsOf path: String) throws {
        flush()
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw CommandFailure("cannot read back \(path)") }
        defer {
            close(input)
            unlink(path)
        }
        #if os(Linux)
        // The kernel copies between the files itself when it can (a file or a pipe as output).
        // Linux's sendfile takes any file as input; elsewhere (macOS: sockets only) the copy
        // below does the work.
        while failure == nil {
            let sent = sendfile(descriptor, input, nil, 1 << 30)
            if sent > 0 { continue }
            if sent == 0 { return }
            if errno == EINTR { continue }
            if errno == EINVAL || errno == ENOSYS { break }
            failure = String(cString: strerror(errno))
        }
        #endif
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while failure == nil {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw CommandFailure("cannot read back \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            chunk.withUnsafeBytes { writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte, retrying short writes. A failure (a closed pipe, a full disk) is
    /// remembered and reported by `finish()`.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count, failure == nil {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                offset += written
            }
        }
    }

    /// Flushes, and for a file moves it to its final name.
    func finish() throws {
        flush()
        guard let temporaryPath, let finalPath else {
            if let failure { throw CommandFailure("cannot write the output: \(failure)") }
            return
        }
        close(descriptor)
        isClosed = true
        if let failure {
            unlink(temporaryPath)
            throw CommandFailure("cannot write \(finalPath): \(failure)")
        }
        do {
            if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw CommandFailure("cannot write \(finalPath): \(error.localizedDescription)")
        }
    }

    deinit {
        if temporaryPath != nil, !isClosed { close(descriptor) }
        if let temporaryPath, FileManager.default.fileExists(atPath: temporaryPath) { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }
}

// The C library's write by a name of its own: inside `OutputFile`, `write` means its own methods
// (`read` needs no such name). Glibc on Linux, Darwin on macOS: the module differs, the call not.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}

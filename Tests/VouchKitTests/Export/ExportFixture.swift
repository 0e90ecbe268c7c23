import Foundation
import Testing
import VouchKit

/// A repository holding the starter program at a fixed commit (fixed identity and date), with
/// an `origin` remote whose URL carries credentials the export must not reveal. Its history is
/// written in 2026, so its reports cover 2026 (the repository's own program reports on 2025).
struct ExportFixture {
    let repository: GitFixture
    let commit: String
    var url: URL { repository.url }

    static let toolVersion = "0.0.0-test"
    static let remote = "https://deploy:s3cret-token@git.example.com/example-cloud/compliance.git"

    /// - Parameter typeTwo: report on operation over the period (the starter program is Type 1).
    init(extraFiles: [String: String] = [:], removing removed: [String] = [], typeTwo: Bool = false) throws {
        repository = try GitFixture()
        var files = try TestSupport.starterFiles()
        files[Configuration.fileName] = files[Configuration.fileName]!.replacingOccurrences(of: "{ start: 2025-01-01, end: 2025-12-31 }", with: "{ start: 2026-01-01, end: 2026-12-31 }")
        if typeTwo {
            files[Configuration.fileName] = files[Configuration.fileName]!.components(separatedBy: "\n").map { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("type: 1") ? line.prefix { $0 == " " } + "type: 2" : line
            }.joined(separator: "\n")
        }
        for path in removed { files[path] = nil }
        for (path, contents) in extraFiles { files[path] = contents }
        try repository.run(["remote", "add", "origin", Self.remote])
        commit = try repository.commit("Compliance program", files: files, author: ("Dana Reyes", "dana.reyes@example.com"), date: "2026-06-30T17:45:00+02:00")
    }

    func input(revision: String = "HEAD") throws -> ExportInput {
        try ExportSource.read(repository: try Repository.open(at: url.path), revision: revision, programPath: "")
    }

    func package(report: ExportReport = .soc2, formats: Set<ExportFormat> = Set(ExportFormat.allCases), revision: String = "HEAD") throws -> ExportPackage {
        try Exporter.package(try input(revision: revision), options: ExportOptions(report: report, formats: formats, toolVersion: Self.toolVersion))
    }

    /// Runs `vouch export` in the repository into a new folder below it, and returns the folder.
    func export(_ arguments: [String] = [], into folder: TemporaryDirectory) throws -> TestSupport.ProcessResult {
        try TestSupport.vouch(["export", "--out", folder.url.appendingPathComponent("package").path] + arguments, in: url)
    }
}

extension PackageFile {
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A control written to break out of the auditor's HTML in every way Markdown allows.
enum HostileControl {
    static let path = "controls/zz-01-hostile.md"
    static let file = """
        ---
        id: ZZ-01
        title: <script>alert("title")</script> & <b>bold</b>
        criteria: [CC6.1]
        owner: <img src=x onerror=alert(2)>
        frequency: daily
        kind: detective
        automation: manual
        status: implemented
        evidence:
          - <iframe src="https://evil.example/frame"></iframe>
        ---
        <script>alert(1)</script>

        Inline <img src=x onerror=alert(1)> tag and a [link](javascript:alert(1)) and [another](JaVaScRiPt:alert(1)).

        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1)) ![tracker](https://evil.example/pixel.png)

        <a href="https://evil.example" onclick="alert(1)">raw anchor</a>

        """
}

import Foundation
import Testing
import VouchKit

/// No credentials in any output: remote URLs lose their user information, and the CI tokens of
/// the environment never appear, in any command, format, file or error.
@Suite struct RedactionTests {
    @Test(arguments: [
        ("https://user:TOKEN@host/org/repo.git", "https://host/org/repo.git"),
        ("https://TOKEN@host/org/repo.git", "https://host/org/repo.git"),
        ("https://gitlab-ci-token:abc@gitlab.example.com:8443/org/repo.git", "https://gitlab.example.com:8443/org/repo.git"),
        ("https://host/org/repo.git", "https://host/org/repo.git"),
        ("https://host/org/a@b.git", "https://host/org/a@b.git"),
        ("ssh://user:pass@host:2222/org/repo.git", "ssh://host:2222/org/repo.git"),
        ("ssh://git@host/org/repo.git", "ssh://host/org/repo.git"),
        ("git@github.com:org/repo.git", "github.com:org/repo.git"),
        ("user:pass@host:org/repo.git", "host:org/repo.git"),
        ("host:org/repo.git", "host:org/repo.git"),
        ("/home/someone/src/repo", "/home/someone/src/repo"),
        ("/home/a@b/repo", "/home/a@b/repo"),
        ("../repo", "../repo"),
        ("file:///srv/git/repo.git", "file:///srv/git/repo.git"),
    ])
    func urlsLoseTheirUserInformation(url: String, shown: String) {
        #expect(Redaction.url(url, environment: [:]) == shown)
    }

    @Test func environmentTokensAreReplacedWherever() {
        let environment = ["GITHUB_TOKEN": "ghs_0123456789abcdef", "CI_JOB_TOKEN": "short", "HOME": "/home/someone"]
        #expect(Redaction.url("https://host/org/repo.git?access=ghs_0123456789abcdef", environment: environment) == "https://host/org/repo.git?access=[redacted]")
        #expect(Redaction.text("cannot read https://x:ghs_0123456789abcdef@host/r.git: no; branch ghs_0123456789abcdef", environment: environment)
            == "cannot read https://host/r.git: no; branch [redacted]")
        #expect(Redaction.text("a short value stays", environment: environment) == "a short value stays", "values too short to be tokens are left alone")
    }

    static let tokens = [
        "GITHUB_TOKEN": "ghs_FAKEgithubTOKEN0123456789",
        "GH_TOKEN": "gho_FAKEghTOKEN0123456789",
        "GITLAB_TOKEN": "glpat-FAKEgitlabTOKEN01234",
        "CI_JOB_TOKEN": "FAKEjobTOKEN0123456789",
    ]
    static let secrets = Array(tokens.values) + ["deploy:", "s3cret"]

    static func expectNoSecret(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for secret in secrets {
            #expect(!text.contains(secret), "\(what) shows \(secret)", sourceLocation: sourceLocation)
        }
    }

    static func expectNoSecret(in folder: URL, _ what: String) throws {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        for file in files where !file.hasDirectoryPath {
            let data = (try? Data(contentsOf: file)) ?? Data()
            expectNoSecret(String(decoding: data, as: UTF8.self), "\(what): \(file.lastPathComponent)")
        }
    }

    @Test func noCommandShowsCredentialsOrTokens() throws {
        let fixture = try ExportFixture()
        let remote = "https://deploy:\(Self.tokens["GITHUB_TOKEN"]!)@git.example.com/example-cloud/compliance.git"
        try fixture.repository.run(["remote", "set-url", "origin", remote])
        try fixture.repository.run(["remote", "add", "mirror", "https://gitlab-ci-token:\(Self.tokens["CI_JOB_TOKEN"]!)@gitlab.example.com/example-cloud/compliance.git"])
        try fixture.repository.commit("Tag releases\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["controls/cm-98.md": CIFixtures.cleanControl], date: "2026-07-02T09:00:00+00:00")
        try fixture.repository.run(["config", "user.name", "Carol Checker"])
        try fixture.repository.run(["config", "user.email", "carol@example.com"])
        let environment = Self.tokens
        func vouch(_ arguments: [String]) throws -> TestSupport.ProcessResult {
            let result = try TestSupport.vouch(arguments, in: fixture.url, environment: environment)
            Self.expectNoSecret(result.stdout + result.stderr, "vouch \(arguments.joined(separator: " "))")
            return result
        }
        for format in ["text", "json", "csv", "sarif", "junit", "github"] {
            let result = try vouch(["evidence", "--format", format])
            #expect(result.status <= 1, "\(format): \(result.stderr)")
            _ = try vouch(["evidence", "--format", format, "--sample", "1", "--seed", "s"])
        }
        let json = try vouch(["evidence", "--format", "json"])
        let repository = try #require((try CIFixtures.json(json.stdout)["metadata"] as? [String: Any])?["repository"] as? [String: Any])
        #expect(repository["origin"] as? String == "https://git.example.com/example-cloud/compliance.git")
        #expect(repository["name"] as? String == "https://git.example.com/example-cloud/compliance.git")
        #expect(try vouch(["evidence"]).stdout.contains("Repository: https://git.example.com/example-cloud/compliance.git (origin https://git.example.com/example-cloud/compliance.git)"))
        for format in ["text", "json", "sarif", "junit", "github"] {
            _ = try vouch(["lint", "--format", format])
            _ = try vouch(["check", "--format", format])
        }
        _ = try vouch(["coverage"])
        let approved = try vouch(["approve", "HEAD", "--message", "Looked at \(remote)"])
        #expect(approved.status == 0, "\(approved.stderr)")
        Self.expectNoSecret(try fixture.repository.run(["notes", "--ref", "vouch", "show", "HEAD"]), "the approval note")

        let output = try TemporaryDirectory()
        let package = output.url.appendingPathComponent("package")
        let exported = try vouch(["export", "--out", package.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        try Self.expectNoSecret(in: package, "the package")
        let verified = try vouch(["verify", package.path])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

        // Errors: a URL given where a path is expected, and a token given where a name is.
        let unreadable = try vouch(["evidence", "--repository", remote])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("https://git.example.com/example-cloud/compliance.git"), "\(unreadable.stderr)")
        let unknown = try vouch(["evidence", "--branch", Self.tokens["GH_TOKEN"]!])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(Redaction.placeholder), "\(unknown.stderr)")
    }

    @Test func sshAndScpLikeOriginsLoseTheirUserInformation() throws {
        let fixture = try EvidenceFixture()
        for (remote, shown) in [("ssh://deploy:s3cret-pass@git.example.com:2222/billing.git", "ssh://git.example.com:2222/billing.git"),
                                ("deploy:s3cret-pass@git.example.com:example/billing.git", "git.example.com:example/billing.git")] {
            _ = try? fixture.run(["remote", "remove", "origin"])
            try fixture.run(["remote", "add", "origin", remote])
            let json = try fixture.vouch(["evidence", "--format", "json"])
            Self.expectNoSecret(json.stdout + json.stderr, remote)
            #expect((try CIFixtures.json(json.stdout)["metadata"] as? [String: Any]).flatMap { ($0["repository"] as? [String: Any])?["origin"] as? String } == shown)
        }
    }

    /// The package records the origin, not where the clone is: two clones in different folders
    /// export the same commit to the same bytes.
    @Test func twoClonesInDifferentFoldersExportTheSameBytes() throws {
        let source = try ExportFixture()
        let machines = try TemporaryDirectory()
        var packages: [URL] = []
        for (index, folder) in ["alice/src/compliance", "build-agent/work/7/s/repository"].enumerated() {
            let clone = machines.url.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: clone.deletingLastPathComponent(), withIntermediateDirectories: true)
            try TestSupport.run(GitFixture.git, ["clone", "-q", source.url.path, clone.path], in: machines.url)
            let package = machines.url.appendingPathComponent("package-\(index)")
            let result = try TestSupport.vouch(["export", "--out", package.path, "--rev", source.commit], in: clone)
            #expect(result.status == 0, "\(result.stderr)")
            packages.append(package)
            let manifest = try String(contentsOf: package.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(!manifest.contains(clone.path) && !manifest.contains(folder))
        }
        let names = try FileManager.default.subpathsOfDirectory(atPath: packages[0].path).sorted()
        #expect(names == (try FileManager.default.subpathsOfDirectory(atPath: packages[1].path).sorted()))
        #expect(names.contains("manifest.json") && names.contains("evidence/changes.json"))
        for name in names where !name.hasSuffix("/") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: packages[0].appendingPathComponent(name).path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            #expect(try Data(contentsOf: packages[0].appendingPathComponent(name)) == Data(contentsOf: packages[1].appendingPathComponent(name)), "\(name) differs")
        }
    }
}

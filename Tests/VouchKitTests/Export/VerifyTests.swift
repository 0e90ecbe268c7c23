import Foundation
import Testing
import VouchKit

/// `vouch export` and `vouch verify` as auditors run them: exit statuses and messages.
@Suite struct VerifyTests {
    struct Exported {
        let fixture: ExportFixture
        let output: TemporaryDirectory
        var package: URL { output.url.appendingPathComponent("package") }
    }

    static func exported(_ arguments: [String] = []) throws -> Exported {
        let fixture = try ExportFixture()
        let output = try TemporaryDirectory()
        let result = try fixture.export(arguments, into: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("from commit \(fixture.commit)"))
        return Exported(fixture: fixture, output: output)
    }

    @Test func freshPackageVerifies() throws {
        let exported = try Self.exported()
        let result = try TestSupport.vouch(["verify", exported.package.path], in: exported.fixture.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("verified: 8 output files, \(try TestSupport.starterFiles().count) source files at commit \(exported.fixture.commit), rebuilt from the commit"))
    }

    @Test func aPackageFromAnotherBranchVerifiesAfterTheRepositoryMovedOn() throws {
        let fixture = try ExportFixture()
        try fixture.repository.run(["branch", "audit-2026"])
        let output = try TemporaryDirectory()
        #expect(try fixture.export(["--rev", "audit-2026"], into: output).status == 0)
        try fixture.repository.commit("Later work", files: ["src/app.txt": "x\n"], date: "2026-08-01T09:00:00+00:00")
        let result = try TestSupport.vouch(["verify", output.url.appendingPathComponent("package").path], in: fixture.url)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try String(contentsOf: output.url.appendingPathComponent("package/system-description.md"), encoding: .utf8).contains("- **Branch:** audit-2026"))
    }

    @Test func exportingTwiceGivesIdenticalFolders() throws {
        let exported = try Self.exported()
        let again = try TemporaryDirectory()
        #expect(try exported.fixture.export([], into: again).status == 0)
        let files = PackageVerifier.filesBelow(exported.package)
        #expect(files == PackageVerifier.filesBelow(again.url.appendingPathComponent("package")))
        for path in files {
            #expect(FileManager.default.contents(atPath: exported.package.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: again.url.appendingPathComponent("package/\(path)").path), "\(path)")
        }
    }

    @Test func anEditedByteIsCaught() throws {
        let exported = try Self.exported()
        let html = exported.package.appendingPathComponent("system-description.html")
        var bytes = [UInt8](try Data(contentsOf: html))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: html)
        let result = try TestSupport.vouch(["verify", exported.package.path], in: exported.fixture.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("DIFFERENT  system-description.html: modified"))
    }

    @Test func aManifestEditedToMatchIsCaughtByTheRebuild() throws {
        let exported = try Self.exported()
        let markdownURL = exported.package.appendingPathComponent("system-description.md")
        let original = try Data(contentsOf: markdownURL)
        let edited = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "implemented", with: "implemnted").utf8)
        try edited.write(to: markdownURL)
        let manifestURL = exported.package.appendingPathComponent("manifest.json")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
            .replacingOccurrences(of: SHA256.hex(SHA256.hash([UInt8](original))), with: SHA256.hex(SHA256.hash([UInt8](edited))))
            .replacingOccurrences(of: "\"size\": \(original.count)", with: "\"size\": \(edited.count)")
        try Data(manifest.utf8).write(to: manifestURL)
        let result = try TestSupport.vouch(["verify", exported.package.path], in: exported.fixture.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("system-description.md: differs from the same file rebuilt from commit"))
        #expect(!result.stdout.contains("system-description.md: modified"), "the hashes were made to match")
    }

    @Test func extraAndMissingFilesAreCaught() throws {
        let exported = try Self.exported()
        try FileManager.default.removeItem(at: exported.package.appendingPathComponent("oscal/ssp.json"))
        try Data("x".utf8).write(to: exported.package.appendingPathComponent("oscal/added.json"))
        let result = try TestSupport.vouch(["verify", exported.package.path], in: exported.fixture.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("DIFFERENT  oscal/ssp.json: missing"))
        #expect(result.stdout.contains("DIFFERENT  oscal/added.json: not listed in the manifest"))
    }

    @Test func outsideTheRepositoryOnlyTheFilesAreChecked() throws {
        let exported = try Self.exported()
        let elsewhere = try TemporaryDirectory()
        let result = try TestSupport.vouch(["verify", exported.package.path], in: elsewhere.url)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("note: sources not checked: not inside a git repository"))
    }

    @Test func aRepositoryWithoutTheCommitFails() throws {
        let exported = try Self.exported()
        let other = try GitFixture()
        try other.commit("Unrelated", files: ["README.md": "x\n"])
        let result = try TestSupport.vouch(["verify", exported.package.path, "--repository", other.url.path], in: other.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("commit \(exported.fixture.commit) is not in the repository"))
    }

    @Test func usageAndEnvironmentErrorsExitTwo() throws {
        let exported = try Self.exported()
        let fixture = exported.fixture
        var result = try fixture.export([], into: exported.output)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty; choose an empty or new folder, or pass --force"))
        result = try fixture.export(["--force", "--format", "md,json"], into: exported.output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(PackageVerifier.filesBelow(exported.package) == ["evidence/changes.csv", "evidence/changes.json", "manifest.json", "system-description.json", "system-description.md"])
        result = try TestSupport.vouch(["export", "--out", fixture.url.path, "--force"], in: fixture.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to clear it"))
        result = try fixture.export(["--format", "pdf"], into: try TemporaryDirectory())
        #expect(result.status == 2)
        result = try fixture.export(["--rev", "no-such-branch"], into: try TemporaryDirectory())
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-branch"))
        let notGit = try TemporaryDirectory()
        try TestSupport.write(try TestSupport.starterFiles(), to: notGit.url)
        result = try TestSupport.vouch(["export", "--out", "out"], in: notGit.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not in a git repository"))
        result = try TestSupport.vouch(["verify", notGit.url.path], in: notGit.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no manifest.json"))
    }
}

import Foundation
import Testing
import VouchKit

/// `vouch export` and `vouch verify` read with object hashes checked unless told not to, and the
/// package records which was done.
@Suite struct ObjectVerificationTests {
    /// Replaces the loose object `id` with one of the same type whose content is `content`: the
    /// file stays valid zlib, so only hashing it again shows the damage.
    static func tamper(_ repository: GitFixture, object id: String, type: String, content: String) throws {
        let forged = try repository.run(["hash-object", "-t", type, "-w", "--stdin", "--literally"], input: content).trimmingCharacters(in: .whitespacesAndNewlines)
        let objects = repository.url.appendingPathComponent(".git/objects")
        let target = objects.appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))")
        try FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: objects.appendingPathComponent("\(forged.prefix(2))/\(forged.dropFirst(2))"), to: target)
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func theManifestAndTheEvidenceRecordWhetherHashesWereChecked() throws {
        let fixture = try ExportFixture()
        let output = try TemporaryDirectory()
        for (arguments, recorded) in [([String](), "verified"), (["--no-verify-objects"], "not-verified")] {
            let package = output.url.appendingPathComponent("package-\(recorded)")
            let result = try TestSupport.vouch(["export", "--out", package.path] + arguments, in: fixture.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try Self.json(package.appendingPathComponent("manifest.json"))["objectHashes"] as? String == recorded)
            let metadata = try #require(try Self.json(package.appendingPathComponent("evidence/changes.json"))["metadata"] as? [String: Any])
            #expect(metadata["object_hashes"] as? String == recorded)
            for verifyArguments in [[String](), ["--no-verify-objects"]] {
                let verified = try TestSupport.vouch(["verify", package.path] + verifyArguments, in: fixture.url)
                #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
                #expect(verified.stdout.contains(", object hashes checked") == verifyArguments.isEmpty, "\(verified.stdout)")
                #expect(verified.stdout.contains("exported without checking object hashes") == !arguments.isEmpty)
            }
        }
        // Plain `vouch evidence` reads as git does, without hashing again.
        let evidence = try TestSupport.vouch(["evidence", "--format", "json"], in: fixture.url)
        #expect((try CIFixtures.json(evidence.stdout)["metadata"] as? [String: Any])?["object_hashes"] as? String == "not-verified")
    }

    @Test func aCorruptedProgramFileFailsTheExportUnlessVerificationIsOff() throws {
        let fixture = try ExportFixture()
        let output = try TemporaryDirectory()
        let before = output.url.appendingPathComponent("before")
        #expect(try TestSupport.vouch(["export", "--out", before.path], in: fixture.url).status == 0)
        let blob = try fixture.repository.run(["rev-parse", "HEAD:vouch.yml"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let original = try fixture.repository.run(["cat-file", "blob", blob])
        try Self.tamper(fixture.repository, object: blob, type: "blob", content: original.replacingOccurrences(of: "Example Cloud, Inc.", with: "Example Cloud, Ltd."))

        let refused = try TestSupport.vouch(["export", "--out", output.url.appendingPathComponent("refused").path], in: fixture.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("vouch: error: the repository is corrupt: an object's content does not match its id ("), "\(refused.stderr)")
        #expect(refused.stderr.contains(blob) && refused.stderr.contains("git fsck") && refused.stderr.contains("--no-verify-objects"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.url.appendingPathComponent("refused/manifest.json").path))

        let unchecked = output.url.appendingPathComponent("unchecked")
        let trusting = try TestSupport.vouch(["export", "--out", unchecked.path, "--no-verify-objects"], in: fixture.url)
        #expect(trusting.status == 0, "\(trusting.stderr)")
        #expect(try String(contentsOf: unchecked.appendingPathComponent("system-description.md"), encoding: .utf8).contains("Example Cloud, Ltd."), "without the check, the forged content goes through")

        // `vouch verify` of the package made before: the same clear failure, or a difference without the check.
        let verify = try TestSupport.vouch(["verify", before.path], in: fixture.url)
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("the repository is corrupt"), "\(verify.stderr)")
        let verifyUnchecked = try TestSupport.vouch(["verify", before.path, "--no-verify-objects"], in: fixture.url)
        #expect(verifyUnchecked.status == 1)
        #expect(verifyUnchecked.stdout.contains("DIFFERENT  source vouch.yml:"), "\(verifyUnchecked.stdout)")
    }

    @Test func aCorruptedCommitInTheHistoryFailsTheExport() throws {
        let fixture = try ExportFixture()
        let root = fixture.commit
        try fixture.repository.commit("Later change\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/app.txt": "x\n"], date: "2026-07-02T09:00:00+00:00")
        let original = try fixture.repository.run(["cat-file", "commit", root])
        try Self.tamper(fixture.repository, object: root, type: "commit", content: original.replacingOccurrences(of: "Compliance program", with: "Compliance program, approved by the CFO"))
        let output = try TemporaryDirectory()
        let refused = try TestSupport.vouch(["export", "--out", output.url.appendingPathComponent("refused").path, "--rev", "HEAD"], in: fixture.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the repository is corrupt") && refused.stderr.contains(root), "\(refused.stderr)")
        let trusting = try TestSupport.vouch(["export", "--out", output.url.appendingPathComponent("unchecked").path, "--no-verify-objects"], in: fixture.url)
        #expect(trusting.status == 0, "\(trusting.stderr)")
    }
}

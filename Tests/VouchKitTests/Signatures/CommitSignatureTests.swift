import Foundation
import Testing
import VouchKit

/// SSH commit signatures verified through the binary against an allowed-signers file committed
/// in the repository, with keys made by ssh-keygen and commits signed by git.
@Suite struct CommitSignatureTests {
    static let reviewed = "\n\nReviewed-by: Carol Checker <carol@example.com>\n"

    @Test(arguments: [("ed25519", nil), ("ecdsa", 256), ("ecdsa", 384), ("ecdsa", 521), ("rsa", 2048)] as [(String, Int?)])
    func goodSignatureOfEachKeyTypeVerifies(type: String, bits: Int?) throws {
        let fixture = try SigningFixture(changeManagement: "  branch: main\n  require_signed: true\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n")
        let key = try fixture.key("bob", type: type, bits: bits)
        try fixture.commitAllowedSigners(["bob@example.com \(try fixture.publicKey(key))"])
        let signed = try fixture.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: key, date: "2026-04-01T10:00:00+00:00")

        let (result, metadata, changes) = try fixture.evidence()
        let change = try #require(changes[signed])
        #expect(change.signature?["format"] as? String == "ssh")
        #expect(change.signatureStatus == "good", "\(result.stdout)")
        #expect(change.signature?["signer"] as? String == "bob@example.com")
        #expect(change.signature?["key"] as? String == (try fixture.fingerprint(key)))
        #expect(change.exceptionIDs.isEmpty)
        #expect(try fixture.gitVerdicts()[signed] == "G", "git agrees the signature is good")
        // The metadata names the allowed signers read, with the blob the tip holds.
        let signatures = try #require(metadata["signatures"] as? [String: Any])
        let file = try #require(signatures["allowed_signers"] as? [String: Any])
        #expect(file["path"] as? String == SigningFixture.allowedSignersPath)
        #expect(file["blob"] as? String == (try fixture.git.run(["rev-parse", "HEAD:\(SigningFixture.allowedSignersPath)"]).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func pastedArmorIsInvalidWhetherOrNotSigningIsRequired() throws {
        let fixture = try SigningFixture()
        let key = try fixture.key("bob")
        let trust = try fixture.commitAllowedSigners(["bob@example.com \(try fixture.publicKey(key))"])
        try fixture.git.commit("Fix rounding" + Self.reviewed, files: ["src/a.swift": "a\n"], author: People.bob, date: "2026-04-01T10:00:00+00:00")
        let pasted = try fixture.evidence.signTip(armor: "SSH SIGNATURE")

        let (result, _, changes) = try fixture.evidence()
        #expect(result.status == 1)
        #expect(try #require(changes[pasted]).signatureStatus == "bad")
        #expect(try #require(changes[pasted]).exceptionIDs == ["change-signature-invalid"])
        #expect(try #require(changes[trust]).exceptionIDs == ["change-sensitive-path"], "a change to the trusted keys is flagged")
        let text = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31"], in: fixture.url)
        #expect(text.stdout.contains("signature: ssh bad"))
        #expect(text.stdout.contains("does not verify: the SSH signature cannot be read"))
    }

    @Test func tamperedCommitIsInvalid() throws {
        let fixture = try SigningFixture()
        let key = try fixture.key("bob")
        try fixture.commitAllowedSigners(["bob@example.com \(try fixture.publicKey(key))"])
        try fixture.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: key, date: "2026-04-01T10:00:00+00:00")
        // The same signature on a commit whose message now claims a second reviewer.
        let raw = try fixture.git.run(["cat-file", "commit", "HEAD"])
        let tampered = try fixture.replaceTip(with: raw.replacingOccurrences(of: "Reviewed-by: Carol", with: "Reviewed-by: Dana Reyes <dana@example.com>\nReviewed-by: Carol"))

        let (_, _, changes) = try fixture.evidence()
        let change = try #require(changes[tampered])
        #expect(change.signatureStatus == "bad")
        #expect(change.exceptionIDs == ["change-signature-invalid"])
        #expect(change.signature?["key"] as? String == (try fixture.fingerprint(key)), "the key it claims is still named")
        #expect(try fixture.gitVerdicts()[tampered] == "B", "git agrees the signature is bad")
    }

    @Test func keyNotAllowedIsAnUnknownSigner() throws {
        let fixture = try SigningFixture(changeManagement: "  branch: main\n  require_signed: true\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n")
        let allowed = try fixture.key("bob")
        let stranger = try fixture.key("mallory")
        try fixture.commitAllowedSigners(["bob@example.com \(try fixture.publicKey(allowed))"])
        let signed = try fixture.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: stranger, date: "2026-04-01T10:00:00+00:00")

        let (result, _, changes) = try fixture.evidence()
        let change = try #require(changes[signed])
        #expect(change.signatureStatus == "unknown-key")
        #expect(change.signature?["signer"] is NSNull)
        #expect(change.signature?["key"] as? String == (try fixture.fingerprint(stranger)))
        #expect(change.exceptionIDs == ["change-signer-unknown"])
        #expect(result.status == 1)

        // Without require_signed the unknown key is reported but is no exception.
        let relaxed = try SigningFixture()
        let bob = try relaxed.key("bob"), other = try relaxed.key("mallory")
        try relaxed.commitAllowedSigners(["bob@example.com \(try relaxed.publicKey(bob))"])
        let commit = try relaxed.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: other, date: "2026-04-01T10:00:00+00:00")
        let unrequired = try #require(try relaxed.evidence().changes[commit])
        #expect(unrequired.signatureStatus == "unknown-key")
        #expect(unrequired.exceptionIDs.isEmpty)
    }

    @Test func signedAfterValidBeforeIsExpired() throws {
        let fixture = try SigningFixture(changeManagement: "  branch: main\n  require_signed: true\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n")
        let key = try fixture.key("bob")
        try fixture.commitAllowedSigners(["bob@example.com valid-after=\"20260101\",valid-before=\"20260331235959Z\" \(try fixture.publicKey(key))"])
        let inTime = try fixture.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: key, date: "2026-03-31T23:00:00+00:00")
        let late = try fixture.signedCommit("Fix totals" + Self.reviewed, file: "src/b.swift", key: key, date: "2026-04-01T00:00:01+00:00")

        let (_, _, changes) = try fixture.evidence()
        #expect(try #require(changes[inTime]).signatureStatus == "good")
        let expired = try #require(changes[late])
        #expect(expired.signatureStatus == "expired")
        #expect(expired.signature?["signer"] as? String == "bob@example.com")
        #expect(expired.exceptionIDs == ["change-signer-unknown"])
    }

    @Test func signatureMadeInAnotherNamespaceIsInvalid() throws {
        let fixture = try SigningFixture()
        let key = try fixture.key("bob")
        try fixture.commitAllowedSigners(["bob@example.com \(try fixture.publicKey(key))"])
        // Signed by ssh-keygen over the commit as git signs it: in namespace git it verifies,
        // which shows the payload is the commit without its gpgsig header.
        try fixture.git.commit("Fix rounding" + Self.reviewed, files: ["src/a.swift": "a\n"], author: People.bob, date: "2026-04-01T10:00:00+00:00")
        let asGit = try fixture.signTip(key: key, namespace: "git")
        try fixture.git.commit("Fix totals" + Self.reviewed, files: ["src/b.swift": "b\n"], author: People.bob, date: "2026-04-02T10:00:00+00:00")
        let asFile = try fixture.signTip(key: key, namespace: "file")
        // The message hashed with SHA-256 instead of ssh-keygen's default SHA-512.
        try fixture.git.commit("Fix taxes" + Self.reviewed, files: ["src/c.swift": "c\n"], author: People.bob, date: "2026-04-03T10:00:00+00:00")
        let sha256 = try fixture.signTip(key: key, namespace: "git", options: ["-O", "hashalg=sha256"])

        let (_, _, changes) = try fixture.evidence()
        #expect(try #require(changes[asGit]).signatureStatus == "good")
        #expect(try #require(changes[sha256]).signatureStatus == "good")
        #expect(try #require(changes[asFile]).signatureStatus == "bad")
        #expect(try #require(changes[asFile]).exceptionIDs == ["change-signature-invalid"])
        let text = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31"], in: fixture.url)
        #expect(text.stdout.contains("made for namespace 'file', not 'git'"))
    }

    @Test func allowedSignersOptionsAndRefusedLines() throws {
        let fixture = try SigningFixture()
        let bob = try fixture.key("bob"), carol = try fixture.key("carol"), dana = try fixture.key("dana")
        try fixture.commitAllowedSigners([
            "# the team",
            "*@example.com cert-authority \(try fixture.publicKey(dana))",
            "\"bob@example.com,robert@example.com\" namespaces=\"git,file\" \(try fixture.publicKey(bob)) bob's laptop",
            "carol@example.com namespaces=\"file\" \(try fixture.publicKey(carol))",
        ])
        let byBob = try fixture.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: bob, date: "2026-04-01T10:00:00+00:00")
        let byCarol = try fixture.signedCommit("Fix totals\n\nReviewed-by: Bob Builder <bob@example.com>\n", file: "src/b.swift", key: carol, author: People.carol, date: "2026-04-02T10:00:00+00:00")
        let byDana = try fixture.signedCommit("Fix taxes" + Self.reviewed, file: "src/c.swift", key: dana, author: People.dana, date: "2026-04-03T10:00:00+00:00")

        let (result, _, changes) = try fixture.evidence()
        #expect(try #require(changes[byBob]).signatureStatus == "good")
        #expect(try #require(changes[byBob]).signature?["signer"] as? String == "bob@example.com,robert@example.com")
        #expect(try #require(changes[byCarol]).signatureStatus == "unknown-key", "carol's key may sign files only")
        #expect(try #require(changes[byDana]).signatureStatus == "unknown-key", "the cert-authority line is ignored")
        #expect(result.stderr.contains("\(SigningFixture.allowedSignersPath):2:15: cert-authority is not supported"), "\(result.stderr)")
        // Verified on the judging threads or on the calling thread alone, the evidence is the same.
        let reference = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31", "--format", "json", "--jobs", "1"], in: fixture.url)
        #expect(reference.stdout == result.stdout)
        let check = try TestSupport.vouch(["check", "--since", "2026-01-01", "--until", "2026-12-31"], in: fixture.url)
        #expect(check.stderr.contains("\(SigningFixture.allowedSignersPath):2:15: cert-authority is not supported"), "\(check.stderr)")
    }

    @Test func commitSplitsItsSignatureAsLibgit2Does() throws {
        let fixture = try SigningFixture()
        let key = try fixture.key("bob")
        let signed = try fixture.signedCommit("Fix rounding" + Self.reviewed, file: "src/a.swift", key: key, date: "2026-04-01T10:00:00+00:00")
        let repository = try fixture.evidence.repository()
        let id = try #require(ObjectID(hex: signed))
        let ours = try #require(try repository.commit(id).signedContent)
        let libgit2 = try #require(try repository.extractSignature(of: id))
        // git keeps the signature's last line feed (parse_buffer_signed_by_header); libgit2 drops it.
        #expect(ours.signature == libgit2.signature + [0x0A])
        #expect(ours.payload == libgit2.payload)
        #expect(String(decoding: ours.signature, as: UTF8.self).hasPrefix("-----BEGIN SSH SIGNATURE-----\n"))
        #expect(try repository.extractSignature(of: repository.resolveCommit("HEAD~1")) == nil)
    }
}

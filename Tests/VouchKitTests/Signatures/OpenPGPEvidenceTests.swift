import Foundation
import Testing
import VouchKit

/// OpenPGP commit signatures verified through the binary against the keyring committed in the
/// repository (`change_management.keyring`), with keys made by gpg and commits signed by git.
@Suite struct OpenPGPEvidenceTests {
    static let keyringPath = ".vouch/keyring.asc"
    static let reviewed = "\n\nReviewed-by: Carol Checker <carol@example.com>\n"
    static let strict = "  branch: main\n  require_signed: true\n  keyring: \(keyringPath)\n"

    /// An evidence fixture whose commits the fixture's gpg home signs.
    struct Fixture {
        let evidence: EvidenceFixture
        let gpg: OpenPGPFixture

        init(changeManagement: String = OpenPGPEvidenceTests.strict) throws {
            evidence = try EvidenceFixture(changeManagement: changeManagement)
            gpg = try OpenPGPFixture(git: evidence.git)
        }

        /// Commits the keyring file holding `keys` (or the text given).
        func commitKeyring(_ keys: [String], text: String? = nil, date: String = "2026-01-06T09:00:00+00:00") throws {
            let armor = try text ?? String(decoding: gpg.export(keys), as: UTF8.self)
            try evidence.git.commit("Trust the team's OpenPGP keys" + OpenPGPEvidenceTests.reviewed,
                                    files: [OpenPGPEvidenceTests.keyringPath: armor], author: People.alice, date: date)
        }

        /// A change by Bob signed with `key`, committed at `date` (gpg at `time`, when given).
        func signed(_ subject: String, key: String, date: String, at time: String? = nil) throws -> String {
            try gpg.commitSigned(subject + OpenPGPEvidenceTests.reviewed, files: ["src/\(UUID().uuidString).swift": "// \(subject)\n"], key: key, at: time,
                                 environment: EvidenceFixture.environment(author: People.bob, date: date))
        }

        func evidence(_ extra: [String] = []) throws -> (result: TestSupport.ProcessResult, metadata: [String: Any], changes: [String: [String: Any]]) {
            let result = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31", "--format", "json"] + extra, in: evidence.url)
            let json = try parseJSON(result.stdout, or: result.stderr)
            let changes = try #require(json["changes"] as? [[String: Any]])
            return (result, try #require(json["metadata"] as? [String: Any]),
                    Dictionary(uniqueKeysWithValues: changes.map { ($0["commit"] as! String, $0) }))
        }
    }

    /// Good, unknown-key, tampered and pasted signatures in one history: the verdicts, git's,
    /// the metadata, the rules, one thread against several, and nothing of RNP's on stderr.
    @Test func verdictsOfAHistoryAgreeWithGit() throws {
        let fixture = try Fixture()
        let bob = try fixture.gpg.makeKey("Bob Builder <bob@example.com>")
        let mallory = try fixture.gpg.makeKey("Mallory <mallory@example.com>")
        try fixture.commitKeyring([bob])
        let good = try fixture.signed("Fix rounding", key: bob, date: "2026-04-01T10:00:00+00:00")
        let stranger = try fixture.signed("Fix totals", key: mallory, date: "2026-04-02T10:00:00+00:00")
        try fixture.signed("Fix dates", key: bob, date: "2026-04-03T10:00:00+00:00")
        // The same signature on a commit whose message now claims a second reviewer.
        let raw = try fixture.evidence.git.run(["cat-file", "commit", "HEAD"])
        let tamperedObject = raw.replacingOccurrences(of: "Reviewed-by: Carol", with: "Reviewed-by: Dana Reyes <dana@example.com>\nReviewed-by: Carol")
        let tampered = try fixture.evidence.git.run(["hash-object", "-t", "commit", "-w", "--stdin"], input: tamperedObject).trimmingCharacters(in: .whitespacesAndNewlines)
        try fixture.evidence.git.run(["update-ref", "refs/heads/main", tampered])
        try fixture.evidence.git.commit("Fix exports" + Self.reviewed, files: ["src/e.swift": "e\n"], author: People.bob, date: "2026-04-04T10:00:00+00:00")
        let pasted = try fixture.evidence.signTip(armor: "PGP SIGNATURE")

        let (result, metadata, changes) = try fixture.evidence()
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "nothing of RNP's reaches stderr: \(result.stderr)")
        let verdicts = try fixture.gpg.gitVerdicts()

        let goodChange = try #require(changes[good])
        #expect(goodChange.signature?["format"] as? String == "openpgp")
        #expect(goodChange.signatureStatus == "good", "\(result.stdout)")
        #expect(goodChange.signature?["signer"] as? String == "Bob Builder <bob@example.com>")
        #expect(goodChange.signature?["key"] as? String == bob)
        #expect(goodChange.exceptionIDs.isEmpty)
        #expect(verdicts[good] == "G", "git agrees the signature is good")

        let unknown = try #require(changes[stranger])
        #expect(unknown.signatureStatus == "unknown-key")
        #expect(unknown.signature?["signer"] is NSNull)
        #expect(unknown.signature?["key"] as? String == String(mallory.suffix(16)), "the key id the signature names")
        #expect(unknown.exceptionIDs == ["change-signer-unknown"])

        let altered = try #require(changes[tampered])
        #expect(altered.signatureStatus == "bad")
        #expect(altered.signature?["key"] as? String == bob, "the key it claims is still named")
        #expect(altered.exceptionIDs == ["change-signature-invalid"])
        #expect(verdicts[tampered] == "B", "git agrees the signature is bad")

        let forged = try #require(changes[pasted])
        #expect(forged.signatureStatus == "bad")
        #expect(forged.exceptionIDs == ["change-signature-invalid"])

        // The metadata names the keyring read, with the blob the tip holds.
        let signatures = try #require(metadata["signatures"] as? [String: Any])
        let file = try #require(signatures["keyring"] as? [String: Any])
        #expect(file["path"] as? String == Self.keyringPath)
        #expect(file["blob"] as? String == (try fixture.evidence.git.run(["rev-parse", "HEAD:\(Self.keyringPath)"]).trimmingCharacters(in: .whitespacesAndNewlines)))

        // One judging thread gives what several give, byte for byte.
        let one = try fixture.evidence(["--jobs", "1"]).result, several = try fixture.evidence(["--jobs", "4"]).result
        #expect(one.stdout == result.stdout)
        #expect(several.stdout == result.stdout)
        let text = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31"], in: fixture.evidence.url)
        #expect(text.stdout.contains("signature: openpgp bad"))
        #expect(text.stderr.isEmpty, "\(text.stderr)")
    }

    /// Without require_signed an unknown key is reported but is no exception; a forgery still is.
    @Test func unknownKeyIsNoExceptionWithoutTheRequirement() throws {
        let fixture = try Fixture(changeManagement: "  branch: main\n  keyring: \(Self.keyringPath)\n")
        let bob = try fixture.gpg.makeKey("Bob Builder <bob@example.com>")
        let mallory = try fixture.gpg.makeKey("Mallory <mallory@example.com>")
        try fixture.commitKeyring([bob])
        let stranger = try fixture.signed("Fix totals", key: mallory, date: "2026-04-02T10:00:00+00:00")
        let change = try #require(try fixture.evidence().changes[stranger])
        #expect(change.signatureStatus == "unknown-key")
        #expect(change.exceptionIDs.isEmpty)
    }

    @Test func expiredAndRevokedKeysDoNotMeetTheRequirement() throws {
        let fixture = try Fixture()
        let carol = try fixture.gpg.makeKey("Carol Checker <carol@example.com>", at: "20260301T000000")
        let dave = try fixture.gpg.makeKey("Dave <dave@example.com>")
        let inTime = try fixture.signed("Signed while the key was valid", key: carol, date: "2026-03-01T06:00:00+00:00", at: "20260301T060000")
        let late = try fixture.signed("Signed after the key expired", key: carol, date: "2026-03-03T00:00:00+00:00", at: "20260303T000000")
        let revokedLater = try fixture.signed("Signed before the revocation", key: dave, date: "2026-03-04T00:00:00+00:00")
        // Carol's key expires a day after this, on 2026-03-02 at noon; Dave's is revoked.
        try fixture.gpg.setExpiry(of: carol, to: "1d", at: "20260301T120000")
        try fixture.gpg.revoke(dave)
        try fixture.commitKeyring([carol, dave], date: "2026-03-05T09:00:00+00:00")

        let (result, _, changes) = try fixture.evidence()
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(try #require(changes[inTime]).signatureStatus == "good")
        let expired = try #require(changes[late])
        #expect(expired.signatureStatus == "expired")
        #expect(expired.signature?["signer"] as? String == "Carol Checker <carol@example.com>")
        #expect(expired.signature?["key"] as? String == carol)
        #expect(expired.exceptionIDs == ["change-signer-unknown"])
        let revoked = try #require(changes[revokedLater])
        #expect(revoked.signatureStatus == "revoked")
        #expect(revoked.signature?["key"] as? String == dave)
        #expect(revoked.exceptionIDs == ["change-signer-unknown"])
        #expect(try fixture.gpg.gitVerdicts()[revokedLater] == "R", "git agrees the key is revoked")
    }

    /// A key block that cannot be read is a warning at its line; the other keys are trusted.
    @Test func unreadableKeyBlockIsAProblemAtItsLine() throws {
        let fixture = try Fixture()
        let bob = try fixture.gpg.makeKey("Bob Builder <bob@example.com>")
        let good = String(decoding: try fixture.gpg.export([bob]), as: UTF8.self)
        let broken = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZZZZZZYJKwYBBAHaRw8BAQdA\n-----END PGP PUBLIC KEY BLOCK-----\n"
        try fixture.commitKeyring([], text: "The team's keys.\n" + broken + good)
        let signed = try fixture.signed("Fix rounding", key: bob, date: "2026-04-01T10:00:00+00:00")

        let (result, _, changes) = try fixture.evidence()
        #expect(result.stderr.hasPrefix("vouch: warning: \(Self.keyringPath):2:1: the public key block beginning here cannot be read"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1, "one warning, nothing of RNP's: \(result.stderr)")
        #expect(try #require(changes[signed]).signatureStatus == "good")

        // A file that is no keyring at all: a warning, and no key is trusted.
        try fixture.commitKeyring([], text: "-----BEGIN PGP PRIVATE KEY BLOCK-----\n", date: "2026-04-02T09:00:00+00:00")
        let (refused, _, after) = try fixture.evidence()
        #expect(refused.stderr.contains("\(Self.keyringPath):1:1: a private key"), "\(refused.stderr)")
        #expect(try #require(after[signed]).signatureStatus == "unknown-key")
    }
}

/// Parses the JSON a command printed; when it printed none, the failure shows its stderr.
private func parseJSON(_ text: String, or stderr: String) throws -> [String: Any] {
    guard let json = try? parseJSON(text) else { throw FixtureError(message: "no JSON on stdout (\(text.count) bytes); stderr: \(stderr)") }
    return json
}

import Foundation
import Testing
import VouchKit

/// `vouch approve --sign` through the binary, and approvals that must not count under
/// `require_signed_approvals`: edited, copied, signed by someone else, or not signed.
@Suite struct SignedApprovalTests {
    static let settings = "  branch: main\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n  require_signed_approvals: true\n"

    /// A fixture where Carol's and Mallory's keys are allowed signers for their own emails, and
    /// Bob has landed two changes with no review evidence of their own.
    static func fixture(settings: String = settings) throws -> (SigningFixture, carol: String, mallory: String, changes: [String]) {
        let fixture = try SigningFixture(changeManagement: settings)
        let carol = try fixture.key("carol"), mallory = try fixture.key("mallory")
        try fixture.commitAllowedSigners([
            "carol@example.com \(try fixture.publicKey(carol))",
            "mallory@example.com \(try fixture.publicKey(mallory))",
        ])
        let first = try fixture.git.commit("Fix rounding\n", files: ["src/a.swift": "a\n"], author: People.bob, date: "2026-04-01T10:00:00+00:00")
        let second = try fixture.git.commit("Fix totals\n", files: ["src/b.swift": "b\n"], author: People.bob, date: "2026-04-02T10:00:00+00:00")
        return (fixture, carol, mallory, [first, second])
    }

    func approve(_ fixture: SigningFixture, _ commit: String, key: String?, as person: (name: String, email: String)) throws -> TestSupport.ProcessResult {
        try fixture.git.run(["config", "gpg.format", "ssh"])
        if let key { try fixture.git.run(["config", "user.signingkey", key]) } else { _ = try? fixture.git.run(["config", "--unset", "user.signingkey"]) }
        return try fixture.evidence.vouch(["approve", commit] + (key == nil ? [] : ["--sign"]), as: person)
    }

    func approvals(_ change: [String: Any]) -> [[String: Any]] { change["approvers"] as? [[String: Any]] ?? [] }

    @Test func signedApprovalRoundTrip() throws {
        let (fixture, carol, _, changes) = try Self.fixture()
        let approved = try approve(fixture, changes[0], key: carol, as: People.carol)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("signed"))
        #expect(approved.stderr.isEmpty, "the signature verifies, so nothing is warned: \(approved.stderr)")
        let note = try fixture.git.run(["notes", "--ref", "vouch", "show", changes[0]])
        #expect(note.hasPrefix("Approved-by: Carol Checker <carol@example.com>\nApproval-signature: -----BEGIN SSH SIGNATURE-----\n "))

        let (_, _, records) = try fixture.evidence()
        let change = try #require(records[changes[0]])
        let approval = try #require(approvals(change).first)
        let signature = try #require(approval["signature"] as? [String: Any])
        #expect(signature["status"] as? String == "good")
        #expect(signature["signer"] as? String == "carol@example.com")
        #expect(signature["key"] as? String == (try fixture.fingerprint(carol)))
        #expect(change["independent_approvers"] as? Int == 1)
        #expect(change.exceptionIDs.isEmpty)
        let csv = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31", "--format", "csv"], in: fixture.url)
        #expect(csv.stdout.contains("Carol Checker <carol@example.com> (approved, note, signed: ssh good (carol@example.com, SHA256:"))
        // Unsigned approvals carry no signature field at all.
        #expect(try approve(fixture, changes[1], key: nil, as: People.dana).status == 0)
        let unsignedChange = try #require(try fixture.evidence().changes[changes[1]])
        let unsigned = try #require(approvals(unsignedChange).first)
        #expect(unsigned["signature"] == nil)
    }

    @Test func forgedApprovalsDoNotCount() throws {
        let (fixture, carol, mallory, changes) = try Self.fixture()
        #expect(try approve(fixture, changes[0], key: carol, as: People.carol).status == 0)
        let note = try fixture.git.run(["notes", "--ref", "vouch", "show", changes[0]])

        // The same note copied onto another commit: the signature names the first commit.
        try fixture.evidence.note(note, on: changes[1])
        var (result, _, records) = try fixture.evidence()
        #expect(result.status == 1)
        let copied = try #require(records[changes[1]])
        #expect((approvals(copied).first?["signature"] as? [String: Any])?["status"] as? String == "bad")
        #expect(copied["independent_approvers"] as? Int == 0)
        #expect(copied.exceptionIDs == ["change-approval-unverified"])

        // The note edited to name someone else.
        try fixture.evidence.note(note.replacingOccurrences(of: "Carol Checker <carol@example.com>", with: "Dana Reyes <dana@example.com>"), on: changes[1])
        (result, _, records) = try fixture.evidence()
        let edited = try #require(records[changes[1]])
        #expect(approvals(edited).first?["email"] as? String == "dana@example.com")
        #expect((approvals(edited).first?["signature"] as? [String: Any])?["status"] as? String == "bad")
        #expect(edited.exceptionIDs == ["change-approval-unverified"])

        // Mallory claims Carol's identity in git config and signs with her own (allowed) key.
        try fixture.git.run(["notes", "--ref", "vouch", "remove", changes[1]])
        #expect(try approve(fixture, changes[1], key: mallory, as: People.carol).stderr.contains("does not verify as yours"))
        (result, _, records) = try fixture.evidence()
        let impostor = try #require(records[changes[1]])
        let signature = try #require(approvals(impostor).first?["signature"] as? [String: Any])
        #expect(signature["status"] as? String == "unknown-key")
        #expect(signature["key"] as? String == (try fixture.fingerprint(mallory)))
        #expect(impostor.exceptionIDs == ["change-approval-unverified"])
        #expect(impostor["independent_approvers"] as? Int == 0)

        // Carol's real approval still counts.
        #expect(try #require(records[changes[0]]).exceptionIDs.isEmpty)
        let text = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31"], in: fixture.url)
        #expect(text.stdout.contains("do not count because change_management.require_signed_approvals is true"))
    }

    @Test func unsignedApprovalsCountOnlyWithoutTheRequirement() throws {
        let (strict, _, _, strictChanges) = try Self.fixture()
        #expect(try approve(strict, strictChanges[0], key: nil, as: People.carol).status == 0)
        let refused = try #require(try strict.evidence().changes[strictChanges[0]])
        #expect(refused.exceptionIDs == ["change-approval-unverified"])
        #expect(refused["independent_approvers"] as? Int == 0)

        let (relaxed, carol, _, changes) = try Self.fixture(settings: "  branch: main\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n  approvals: { sign: true }\n")
        // approvals.sign signs without --sign.
        try relaxed.git.run(["config", "gpg.format", "ssh"])
        try relaxed.git.run(["config", "user.signingkey", carol])
        #expect(try relaxed.evidence.vouch(["approve", changes[0]], as: People.carol).status == 0)
        #expect(try relaxed.git.run(["notes", "--ref", "vouch", "show", changes[0]]).contains("Approval-signature: -----BEGIN SSH SIGNATURE-----"))
        let counted = try #require(try relaxed.evidence().changes[changes[0]])
        #expect(counted.exceptionIDs.isEmpty)
        #expect(counted["independent_approvers"] as? Int == 1)
    }

    /// With gpg.format openpgp (git's default) the approval is signed by gpg and verified against
    /// the keyring: counted when the key's user id is the approver's email; copied onto another
    /// commit, or signed by another key of the keyring, it does not count.
    @Test func openPGPApprovalIsSignedByGPGAndVerifiedAgainstTheKeyring() throws {
        let keyring = ".vouch/keyring.asc"
        let (fixture, _, _, changes) = try Self.fixture(settings: Self.settings + "  keyring: \(keyring)\n")
        let gpg = try OpenPGPFixture(git: fixture.git)
        let carol = try gpg.makeKey("Carol Checker <carol@example.com>")
        let mallory = try gpg.makeKey("Mallory <mallory@example.com>")
        try fixture.git.commit("Trust the approvers' OpenPGP keys\n\nReviewed-by: Dana Reyes <dana@example.com>\n",
                               files: [keyring: String(decoding: try gpg.export([carol, mallory]), as: UTF8.self)], author: People.alice, date: "2026-04-03T09:00:00+00:00")
        let environment = ["GNUPGHOME": gpg.home.url.path]
        try fixture.git.run(["config", "user.name", People.carol.name])
        try fixture.git.run(["config", "user.email", People.carol.email])
        let approved = try TestSupport.vouch(["approve", changes[0], "--sign"], in: fixture.url, environment: environment)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stderr.isEmpty, "the signature verifies against the keyring, so nothing is warned: \(approved.stderr)")
        let note = try fixture.git.run(["notes", "--ref", "vouch", "show", changes[0]])
        #expect(note.hasPrefix("Approved-by: Carol Checker <carol@example.com>\nApproval-signature: -----BEGIN PGP SIGNATURE-----\n"))
        // gpg itself verifies what was signed: the statement of this commit and identity.
        let statement = "vouch-approval 1\ncommit \(changes[0])\nkind approved\napprover Carol Checker <carol@example.com>\n"
        let armor = note.components(separatedBy: "Approval-signature: ")[1].split(separator: "\n").map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }.joined(separator: "\n") + "\n"
        let signatureFile = fixture.keys.url.appendingPathComponent("approval.asc"), statementFile = fixture.keys.url.appendingPathComponent("statement")
        try Data(armor.utf8).write(to: signatureFile)
        try Data(statement.utf8).write(to: statementFile)
        #expect(try gpg.gpg(["--verify", signatureFile.path, statementFile.path]).isEmpty)

        var (result, _, records) = try fixture.evidence()
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let change = try #require(records[changes[0]])
        let signature = try #require(approvals(change).first?["signature"] as? [String: Any])
        #expect(signature["format"] as? String == "openpgp")
        #expect(signature["status"] as? String == "good")
        #expect(signature["signer"] as? String == "Carol Checker <carol@example.com>")
        #expect(signature["key"] as? String == carol)
        #expect(change["independent_approvers"] as? Int == 1)
        #expect(change.exceptionIDs.isEmpty)

        // The same note copied onto another commit: the signature names the first commit.
        try fixture.evidence.note(note, on: changes[1])
        (result, _, records) = try fixture.evidence()
        #expect(result.stderr.isEmpty, "nothing of RNP's on stderr: \(result.stderr)")
        let copied = try #require(records[changes[1]])
        #expect((approvals(copied).first?["signature"] as? [String: Any])?["status"] as? String == "bad")
        #expect(copied["independent_approvers"] as? Int == 0)
        #expect(copied.exceptionIDs == ["change-approval-unverified"])

        // Mallory claims Carol's identity in git config and signs with her own key of the keyring.
        try fixture.git.run(["notes", "--ref", "vouch", "remove", changes[1]])
        try fixture.git.run(["config", "user.signingkey", mallory])
        let impostor = try TestSupport.vouch(["approve", changes[1], "--sign"], in: fixture.url, environment: environment)
        #expect(impostor.status == 0, "\(impostor.stderr)")
        #expect(impostor.stderr.contains("does not verify as yours against change_management.keyring"), "\(impostor.stderr)")
        (result, _, records) = try fixture.evidence()
        let forged = try #require(records[changes[1]])
        let forgedSignature = try #require(approvals(forged).first?["signature"] as? [String: Any])
        #expect(forgedSignature["status"] as? String == "unknown-key")
        #expect(forgedSignature["key"] as? String == mallory)
        #expect(forged["independent_approvers"] as? Int == 0)
        #expect(forged.exceptionIDs == ["change-approval-unverified"])
        #expect(try #require(records[changes[0]]).exceptionIDs.isEmpty, "Carol's real approval still counts")
    }
}

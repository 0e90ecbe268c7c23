import Foundation
import Testing
import VouchKit

/// `vouch acknowledge --sign` through the binary, and acknowledgements that must not count under
/// `require_signed_approvals`: unsigned, edited, claimed by another person, signed by someone else.
@Suite struct SignedAcknowledgementTests {
    static let policy = RegisterCommandTests.policy
    static let roster = "name,email,aliases,role,team,start,end,policies_required\nAlice Example,alice@example.com,,Engineer,Eng,2025-06-01,,security\nBob Builder,bob@example.com,,Engineer,Eng,2025-06-01,,security\n"

    /// Alice's, Dana's and Mallory's keys are allowed for their own emails; the security policy's
    /// current version landed on 2026-02-01 with Dana's signed approval (a trailer would not count
    /// under require_signed_approvals), so acknowledgements were due by 2026-03-03.
    static func fixture(settings: String) throws -> (SigningFixture, alice: String, mallory: String, version: String) {
        let fixture = try SigningFixture(changeManagement: settings)
        let alice = try fixture.key("alice"), dana = try fixture.key("dana"), mallory = try fixture.key("mallory")
        try fixture.commitAllowedSigners([
            "alice@example.com \(try fixture.publicKey(alice))",
            "dana@example.com \(try fixture.publicKey(dana))",
            "mallory@example.com \(try fixture.publicKey(mallory))",
        ])
        try fixture.git.commit("Add the access control\n", files: ["controls/ac-01.md": RegisterCommandTests.control], author: People.alice, date: "2026-01-10T10:00:00+00:00")
        let version = try fixture.git.commit("Add the security policy\n", files: ["policies/security.md": Self.policy, "people/people.csv": Self.roster],
                                             author: People.alice, date: "2026-02-01T10:00:00+00:00")
        try fixture.git.run(["config", "gpg.format", "ssh"])
        try fixture.git.run(["config", "user.signingkey", dana])
        let approved = try fixture.evidence.vouch(["approve", version, "--sign"], as: People.dana)
        guard approved.status == 0, approved.stderr.isEmpty else { throw FixtureError(message: "approve: \(approved.stderr)") }
        return (fixture, alice, mallory, version)
    }

    static let strict = "  branch: main\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n  require_signed_approvals: true\n"

    func acknowledge(_ fixture: SigningFixture, key: String?, as person: (name: String, email: String), extra: [String] = []) throws -> TestSupport.ProcessResult {
        try fixture.git.run(["config", "gpg.format", "ssh"])
        if let key { try fixture.git.run(["config", "user.signingkey", key]) } else { _ = try? fixture.git.run(["config", "--unset", "user.signingkey"]) }
        return try fixture.evidence.vouch(["acknowledge", "security", "--as-of", "2026-02-10"] + (key == nil ? [] : ["--sign"]) + extra, as: person)
    }

    /// The policy-unacknowledged findings on 2026-04-01, by roster line, with their messages.
    func unacknowledged(_ fixture: SigningFixture) throws -> [String: String] {
        let result = try fixture.evidence.vouch(["lint", "--as-of", "2026-04-01", "--format", "json"])
        let findings = try #require(try parseJSON(result.stdout)["findings"] as? [[String: Any]], "\(result.stderr)")
        var byPlace: [String: String] = [:]
        for finding in findings where finding["rule"] as? String == "policy-unacknowledged" {
            byPlace["\(finding["file"] as? String ?? ""):\(finding["line"] as? Int ?? 0)"] = finding["message"] as? String ?? ""
        }
        return byPlace
    }

    @Test func signedAcknowledgementCountsAndUnsignedDoesNot() throws {
        let (fixture, alice, _, version) = try Self.fixture(settings: Self.strict)
        // Unsigned: recorded, but it does not count where signatures are required.
        #expect(try acknowledge(fixture, key: nil, as: People.alice).status == 0)
        var findings = try unacknowledged(fixture)
        #expect(findings["people/people.csv:2"]?.contains("it is not signed") == true, "\(findings)")
        let pending = try fixture.evidence.vouch(["acknowledge", "--pending", "--as-of", "2026-04-01"], as: People.alice)
        #expect(pending.status == 1 && pending.stdout.contains("vouch acknowledge --sign security"), "\(pending.stdout)")

        // Signed: recorded again, signed, and it counts.
        let signed = try acknowledge(fixture, key: alice, as: People.alice)
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdout.contains(", signed,"))
        #expect(signed.stderr.isEmpty, "the signature verifies, so nothing is warned: \(signed.stderr)")
        let note = try fixture.git.run(["notes", "--ref", "vouch", "show", version])
        let blob = try fixture.evidence.run(["rev-parse", "\(version):policies/security.md"])
        let line = "Acknowledged: security \(blob) 2026-02-10 Alice Example <alice@example.com>"
        #expect(note.hasPrefix("Approved-by: Dana Reyes <dana@example.com>\nApproval-signature: -----BEGIN SSH SIGNATURE-----\n"), "\(note)")
        #expect(note.contains("\n\n\(line)\n\(line)\nAcknowledgement-signature: -----BEGIN SSH SIGNATURE-----\n "), "\(note)")
        findings = try unacknowledged(fixture)
        #expect(findings["people/people.csv:2"] == nil, "\(findings)")
        #expect(findings["people/people.csv:3"]?.contains("has not acknowledged it") == true, "Bob still owes it: \(findings)")
        #expect(try fixture.evidence.vouch(["acknowledge", "--pending", "--as-of", "2026-04-01"], as: People.alice).status == 0)
        #expect(try acknowledge(fixture, key: alice, as: People.alice).stdout.contains("already acknowledged"))

        // ssh-keygen itself verifies what was signed: this policy, version, date and person.
        let statement = "vouch-acknowledgement 1\npolicy security\nversion \(blob)\ndate 2026-02-10\nperson Alice Example <alice@example.com>\n"
        let armor = note.components(separatedBy: "Acknowledgement-signature: ")[1].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }.joined(separator: "\n")
        let signatureFile = fixture.keys.url.appendingPathComponent("acknowledgement.sig"), signersFile = fixture.keys.url.appendingPathComponent("signers")
        try Data(armor.utf8).write(to: signatureFile)
        try Data("alice@example.com \(try fixture.publicKey(alice))\n".utf8).write(to: signersFile)
        let verified = try TestSupport.run(SigningFixture.sshKeygen, ["-Y", "verify", "-f", signersFile.path, "-I", "alice@example.com", "-n", "vouch-approval", "-s", signatureFile.path],
                                           in: fixture.keys.url, input: statement)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func forgedAcknowledgementsDoNotCount() throws {
        let (fixture, alice, mallory, version) = try Self.fixture(settings: Self.strict)
        #expect(try acknowledge(fixture, key: alice, as: People.alice).status == 0)
        let note = try fixture.git.run(["notes", "--ref", "vouch", "show", version])

        // Alice's signed acknowledgement copied to name Bob, and her own line's date moved.
        let forged = note.replacingOccurrences(of: "2026-02-10 Alice Example <alice@example.com>", with: "2026-02-10 Bob Builder <bob@example.com>")
        try fixture.evidence.note(note.replacingOccurrences(of: "2026-02-10", with: "2026-02-11") + "\n" + forged, on: version)
        var findings = try unacknowledged(fixture)
        #expect(findings["people/people.csv:2"]?.contains("its signature is bad") == true, "\(findings)")
        #expect(findings["people/people.csv:3"]?.contains("its signature is bad") == true, "\(findings)")

        // Mallory signs in Alice's name with her own (allowed) key.
        try fixture.evidence.note(note.components(separatedBy: "\n\n")[0], on: version)  // Dana's approval only
        let impostor = try acknowledge(fixture, key: mallory, as: People.alice)
        #expect(impostor.status == 0 && impostor.stderr.contains("does not verify as yours"), "\(impostor.stderr)")
        findings = try unacknowledged(fixture)
        #expect(findings["people/people.csv:2"]?.contains("its signature is unknown-key") == true, "\(findings)")
    }

    @Test func approvalsSignSettingSignsAcknowledgementsAndUnsignedCountWithoutTheRequirement() throws {
        let (fixture, alice, _, version) = try Self.fixture(settings: "  branch: main\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n  approvals: { sign: true }\n")
        try fixture.git.run(["config", "gpg.format", "ssh"])
        try fixture.git.run(["config", "user.signingkey", alice])
        #expect(try fixture.evidence.vouch(["acknowledge", "security", "--as-of", "2026-02-10"], as: People.alice).status == 0)
        #expect(try fixture.git.run(["notes", "--ref", "vouch", "show", version]).contains("Acknowledgement-signature: -----BEGIN SSH SIGNATURE-----"))
        #expect(try unacknowledged(fixture).keys.sorted() == ["people/people.csv:3"], "only Bob owes it")
        // Bob's unsigned acknowledgement counts: signatures are not required here.
        let note = try fixture.git.run(["notes", "--ref", "vouch", "show", version])
        try fixture.evidence.note(note + "\nAcknowledged: security \(try fixture.evidence.run(["rev-parse", "\(version):policies/security.md"])) 2026-02-12 Bob Builder <bob@example.com>\n", on: version)
        #expect(try unacknowledged(fixture).isEmpty)
    }
}

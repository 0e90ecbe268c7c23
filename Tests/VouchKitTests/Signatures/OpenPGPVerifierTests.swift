import Foundation
import Synchronization
import Testing
import VouchKit

/// Signatures made by the real gpg on commits made by the real `git commit -S`, verified by
/// `OpenPGPVerifier` against keyrings exported by gpg.
@Suite struct OpenPGPVerifierTests {
    private static func verifier(_ fixture: OpenPGPFixture, keys: [String]) throws -> OpenPGPVerifier {
        try OpenPGPVerifier(keyring: OpenPGPKeyring(path: ".vouch/keyring.asc", contents: fixture.export(keys)))
    }

    @Test func goodSignatureNamesSignerKeyAndTime() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice Example <alice@example.com>", at: "20260301T090000")
        let commit = try fixture.signedCommit("Add the change policy", key: alice, at: "20260301T100000")
        let result = try Self.verifier(fixture, keys: [alice]).verify(signature: commit.signature, signedData: commit.payload)
        #expect(result.status == .good)
        #expect(result.signer == "Alice Example <alice@example.com>")
        #expect(result.primaryKeyFingerprint == alice)
        #expect(result.signingKeyID == String(alice.suffix(16)))
        #expect(result.signedAt == 1_772_359_200)
        #expect(result.detail == nil)
    }

    @Test func subkeySignatureNamesThePrimaryKeyAndTheSubkey() throws {
        let fixture = try OpenPGPFixture()
        let bob = try fixture.makeKey("Bob <bob@example.com>")
        let subkey = try fixture.addSigningSubkey(to: bob)
        #expect(subkey != bob)
        let commit = try fixture.signedCommit("Signed by the subkey", key: subkey)
        let result = try Self.verifier(fixture, keys: [bob]).verify(signature: commit.signature, signedData: commit.payload)
        #expect(result.status == .good)
        #expect(result.primaryKeyFingerprint == bob)
        #expect(result.signingKeyID == String(subkey.suffix(16)))
        #expect(result.signer == "Bob <bob@example.com>")
    }

    @Test func tamperedPayloadIsBad() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let commit = try fixture.signedCommit("Original message", key: alice)
        let other = try fixture.signedCommit("Another commit", key: alice)
        let verifier = try Self.verifier(fixture, keys: [alice])
        var tampered = commit.payload
        let index = try #require(tampered.lastIndex(of: UInt8(ascii: "O")))
        tampered[index] = UInt8(ascii: "0")
        #expect(verifier.verify(signature: commit.signature, signedData: tampered).status == .bad)
        // A good signature moved onto another commit.
        let moved = verifier.verify(signature: commit.signature, signedData: other.payload)
        #expect(moved.status == .bad)
        #expect(moved.primaryKeyFingerprint == alice)
        #expect(moved.detail != nil)
        // The untouched ones still verify with the same verifier.
        #expect(verifier.verify(signature: commit.signature, signedData: commit.payload).status == .good)
        #expect(verifier.verify(signature: other.signature, signedData: other.payload).status == .good)
    }

    @Test func keyOutsideTheKeyringIsUnknown() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let mallory = try fixture.makeKey("Mallory <mallory@example.com>")
        let commit = try fixture.signedCommit("Signed by a key nobody listed", key: mallory)
        let result = try Self.verifier(fixture, keys: [alice]).verify(signature: commit.signature, signedData: commit.payload)
        #expect(result.status == .unknownKey)
        #expect(result.signingKeyID == String(mallory.suffix(16)))
        #expect(result.signer == nil)
        #expect(result.primaryKeyFingerprint == nil)
    }

    @Test func keyExpiredAtSigningTimeIsExpiredAndBeforeItIsGood() throws {
        let fixture = try OpenPGPFixture()
        let carol = try fixture.makeKey("Carol <carol@example.com>", at: "20200101T000000")
        let before = try fixture.signedCommit("Signed while the key was valid", key: carol, at: "20200101T060000")
        let after = try fixture.signedCommit("Signed after the key expired", key: carol, at: "20200103T000000")
        // Expires a day after it was set, on 2020-01-02 at noon.
        try fixture.setExpiry(of: carol, to: "1d", at: "20200101T120000")
        let verifier = try Self.verifier(fixture, keys: [carol])
        let expired = verifier.verify(signature: after.signature, signedData: after.payload)
        #expect(expired.status == .expired)
        #expect(expired.primaryKeyFingerprint == carol)
        #expect(expired.signer == "Carol <carol@example.com>")
        // The key is expired today, but it was valid when it signed this one.
        #expect(verifier.verify(signature: before.signature, signedData: before.payload).status == .good)
    }

    @Test func revokedKeyIsRevokedAndATamperedPayloadStillBad() throws {
        let fixture = try OpenPGPFixture()
        let dave = try fixture.makeKey("Dave <dave@example.com>")
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let commit = try fixture.signedCommit("Signed before the revocation", key: dave)
        let good = try fixture.signedCommit("Signed by a key in good standing", key: alice)
        try fixture.revoke(dave)
        let verifier = try Self.verifier(fixture, keys: [dave, alice])
        let revoked = verifier.verify(signature: commit.signature, signedData: commit.payload)
        #expect(revoked.status == .revoked)
        #expect(revoked.primaryKeyFingerprint == dave)
        #expect(revoked.signingKeyID == String(dave.suffix(16)))
        #expect(verifier.verify(signature: commit.signature, signedData: good.payload).status == .bad)
        #expect(verifier.verify(signature: good.signature, signedData: good.payload).status == .good)
    }

    @Test func revokedSubkeyIsRevoked() throws {
        let fixture = try OpenPGPFixture()
        let erin = try fixture.makeKey("Erin <erin@example.com>")
        let subkey = try fixture.addSigningSubkey(to: erin)
        let commit = try fixture.signedCommit("Signed by the subkey", key: subkey)
        // gpg revokes a subkey through --edit-key: select it (key 1), revkey, reason 0, no text.
        try fixture.gpg(["--command-fd", "0", "--edit-key", erin], input: "key 1\nrevkey\ny\n0\n\ny\nsave\n")
        #expect(try fixture.gpg(["--with-colons", "--list-keys", erin]).contains("sub:r:"))
        let result = try Self.verifier(fixture, keys: [erin]).verify(signature: commit.signature, signedData: commit.payload)
        #expect(result.status == .revoked)
        #expect(result.signingKeyID == String(subkey.suffix(16)))
    }

    @Test(arguments: [
        "",
        "not a signature at all",
        "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n",
        "-----BEGIN PGP SIGNATURE-----\n\niHUEABYKAB0WIQ\n=AAAA\n-----END PGP SIGNATURE-----\n",
        "-----BEGIN PGP SIGNATURE-----\n\n!!!! not base64 ****\n-----END PGP SIGNATURE-----\n",
        "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n",
        "-----BEGIN PGP SIGNATURE-----\n\niHUEABYKAB0WIQ",
    ])
    func malformedSignatureIsBadNeverACrash(_ armor: String) throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let commit = try fixture.signedCommit("A commit", key: alice)
        let result = try Self.verifier(fixture, keys: [alice]).verify(signature: Array(armor.utf8), signedData: commit.payload)
        #expect(result.status == .bad)
        #expect(result.detail != nil)
    }

    @Test func truncatedAndBinaryGarbageSignaturesAreNotGood() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let commit = try fixture.signedCommit("A commit", key: alice)
        let verifier = try Self.verifier(fixture, keys: [alice])
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let inputs = [Array(commit.signature.prefix(commit.signature.count / 2)), garbage, Array(commit.signature.dropLast(40)) + Array("\n".utf8)]
        for input in inputs {
            let status = verifier.verify(signature: input, signedData: commit.payload).status
            #expect(status != .good && status != .unknownKey, "\(status)")
        }
    }

    /// Each thread makes its own verifier from the one keyring value.
    @Test func verifiersOnSeveralThreadsAgree() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let commits = try (0..<4).map { try fixture.signedCommit("Commit \($0)", key: alice) }
        let keyring = try OpenPGPKeyring(path: "keyring.asc", contents: fixture.export([alice]))
        let signatures = commits.map(\.signature), payloads = commits.map(\.payload)
        let statuses = Mutex<[OpenPGPVerification.Status]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            guard let verifier = try? OpenPGPVerifier(keyring: keyring) else { return }
            for round in 0..<25 {
                let index = (thread + round) % signatures.count
                let good = verifier.verify(signature: signatures[index], signedData: payloads[index]).status
                let bad = verifier.verify(signature: signatures[index], signedData: payloads[(index + 1) % payloads.count]).status
                statuses.withLock { $0 += [good, bad] }
            }
        }
        let all = statuses.withLock { $0 }
        #expect(all.count == 8 * 25 * 2)
        #expect(all.enumerated().allSatisfy { $0.element == ($0.offset.isMultiple(of: 2) ? .good : .bad) })
    }

    /// One `OpenPGPSignatureVerifier` value shared by several threads, as the judging threads of
    /// a walk share it: each thread verifies with its own RNP context, and all agree.
    @Test func sharedSignatureVerifierAgreesOnEveryThread() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let commits = try (0..<3).map { try fixture.signedCommit("Commit \($0)", key: alice) }
        let shared = OpenPGPSignatureVerifier(keyring: try OpenPGPKeyring(path: "keyring.asc", contents: fixture.export([alice])))
        let signatures = commits.map(\.signature), payloads = commits.map(\.payload)
        let context = SignatureContext(namespace: SignatureContext.commitNamespace, time: Timestamp(seconds: 0))
        let checks = Mutex<[SignatureCheck]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { thread in
            for round in 0..<10 {
                let index = (thread + round) % signatures.count
                let good = shared.verify(signature: signatures[index], payload: payloads[index], context: context)
                let bad = shared.verify(signature: signatures[index], payload: payloads[(index + 1) % payloads.count], context: context)
                checks.withLock { $0 += [good, bad] }
            }
        }
        let all = checks.withLock { $0 }
        #expect(all.count == 6 * 10 * 2)
        #expect(all.enumerated().allSatisfy { $0.element.status == ($0.offset.isMultiple(of: 2) ? .good : .bad) })
        #expect(all.allSatisfy { $0.key == alice && $0.format == .openpgp })
        #expect(all.filter { $0.status == .good }.allSatisfy { $0.signer == "Alice <alice@example.com>" })
        // For an approval the key must have a user id of the approver's email.
        let forBob = SignatureContext(namespace: SignatureContext.approvalNamespace, time: Timestamp(seconds: 0), principal: "bob@example.com")
        #expect(shared.verify(signature: signatures[0], payload: payloads[0], context: forBob).status == .unknownKey)
        let forAlice = SignatureContext(namespace: SignatureContext.approvalNamespace, time: Timestamp(seconds: 0), principal: "ALICE@example.com")
        #expect(shared.verify(signature: signatures[0], payload: payloads[0], context: forAlice).status == .good)
    }
}

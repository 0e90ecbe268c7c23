import Foundation
import Testing
import VouchKit

/// Keyring files as a repository commits them: gpg's armored exports, and what goes wrong.
@Suite struct OpenPGPKeyringTests {
    private static let path = ".vouch/keyring.asc"

    private static func error(reading contents: [UInt8]) -> OpenPGPError? {
        do {
            _ = try OpenPGPKeyring(path: path, contents: contents)
            return nil
        } catch let error as OpenPGPError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func readsSeveralBlocksWithTextAroundThem() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let bob = try fixture.makeKey("Bob <bob@example.com>")
        let subkey = try fixture.addSigningSubkey(to: bob)
        let first = String(decoding: try fixture.export([alice]), as: UTF8.self)
        let second = String(decoding: try fixture.export([bob]), as: UTF8.self)
        let text = "Keys allowed to sign changes.\n\n" + first + "\nBob, release manager:\n" + second
        let keyring = try OpenPGPKeyring(path: Self.path, contents: Array(text.utf8))
        #expect(keyring.path == Self.path)
        #expect(keyring.keys.map(\.fingerprint) == [alice, bob])
        #expect(keyring.keys.map(\.userIDs) == [["Alice <alice@example.com>"], ["Bob <bob@example.com>"]])
        #expect(keyring.keys[1].keyIDs == [String(bob.suffix(16)), String(subkey.suffix(16))])
        let secondLine = text.components(separatedBy: "\n").firstIndex { $0 == "Bob, release manager:" }! + 2
        #expect(keyring.keys.map(\.line) == [3, secondLine])
    }

    @Test func oneBlockWithSeveralKeys() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let bob = try fixture.makeKey("Bob <bob@example.com>")
        let keyring = try OpenPGPKeyring(path: Self.path, contents: fixture.export([alice, bob]))
        #expect(Set(keyring.keys.map(\.fingerprint)) == [alice, bob])
        #expect(keyring.keys.allSatisfy { $0.line == 1 })
    }

    @Test func textWithoutKeysSaysSo() {
        let error = Self.error(reading: Array("just some notes\nabout keys\n".utf8))
        #expect(error == .keyring(path: Self.path, line: nil, reason: "no '-----BEGIN PGP PUBLIC KEY BLOCK-----' line"))
        #expect(error?.description.hasPrefix(".vouch/keyring.asc: no '-----BEGIN PGP PUBLIC KEY BLOCK-----' line") == true)
        #expect(Self.error(reading: []) != nil)
    }

    @Test func blockWithoutEndNamesItsFirstLine() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let armor = String(decoding: try fixture.export([alice]), as: UTF8.self)
        let truncated = "comment\n" + armor.components(separatedBy: "\n").dropLast(3).joined(separator: "\n")
        let error = try #require(Self.error(reading: Array(truncated.utf8)))
        guard case .keyring(Self.path, 2, let reason) = error else { Issue.record("\(error)"); return }
        #expect(reason.contains("no '-----END PGP PUBLIC KEY BLOCK-----' line"))
        #expect(error.description.hasPrefix(".vouch/keyring.asc:2: "))
    }

    @Test func lineThatIsNotBase64IsNamed() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        var lines = String(decoding: try fixture.export([alice]), as: UTF8.self).components(separatedBy: "\n")
        lines[4] = "this line is not base64!"
        let error = Self.error(reading: Array(lines.joined(separator: "\n").utf8))
        #expect(error == .keyring(path: Self.path, line: 5, reason: "not base64, inside a public key block"))
    }

    @Test func damagedKeyDataNamesTheBlockAndRNPsReason() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        var lines = String(decoding: try fixture.export([alice]), as: UTF8.self).components(separatedBy: "\n")
        // Valid base64 that is no longer the key: the first packet's bytes replaced.
        lines[2] = String(repeating: "A", count: lines[2].count)
        let error = try #require(Self.error(reading: Array(("\n" + lines.joined(separator: "\n")).utf8)))
        guard case .keyring(Self.path, 2, let reason) = error else { Issue.record("\(error)"); return }
        #expect(reason.hasPrefix("the public key block beginning here cannot be read: "))
    }

    @Test func privateKeyIsRefused() throws {
        let fixture = try OpenPGPFixture()
        let alice = try fixture.makeKey("Alice <alice@example.com>")
        let secret = try fixture.gpg(["--armor", "--export-secret-keys", alice])
        let error = Self.error(reading: Array(("# keys\n" + secret).utf8))
        #expect(error == .keyring(path: Self.path, line: 2, reason: "a private key; a keyring holds public keys only, and a private key must not be committed"))
    }

    /// A binary keyring (`gpg --export` without `--armor`) begins with a packet tag byte such as
    /// 0x99, which is not UTF-8.
    @Test func binaryKeyringIsRefusedAsNotText() {
        var generator = SystemRandomNumberGenerator()
        let garbage = [0x99, 0x00] + (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard case .keyring(Self.path, .some, let reason) = Self.error(reading: garbage) else { Issue.record("no line for binary bytes"); return }
        #expect(reason.hasPrefix("not text"))
    }

    @Test func otherArmorIsNotAKeyBlock() {
        let error = Self.error(reading: Array("-----BEGIN PGP SIGNATURE-----\n\niHUE\n-----END PGP SIGNATURE-----\n".utf8))
        #expect(error == .keyring(path: Self.path, line: 1, reason: "'-----BEGIN PGP SIGNATURE-----' is not a public key block"))
    }
}

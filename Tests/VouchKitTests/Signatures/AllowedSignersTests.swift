import Foundation
import Testing
import VouchKit

/// The allowed-signers format as git and ssh-keygen read it, and the lines Vouch leaves out.
@Suite struct AllowedSignersTests {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJtmEb7Usm9QNW8vpn2l0YzpBXxgopjU/ZBIa5HsBcrb"

    func read(_ lines: [String]) -> AllowedSigners { AllowedSigners(contents: Array(lines.joined(separator: "\n").utf8)) }

    @Test func principalsOptionsAndComments() throws {
        let signers = read([
            "# comment", "", "   ",
            "alice@example.com \(Self.key) alice's laptop",
            "\"bob@example.com,*@ops.example.com,!eve@ops.example.com\" NAMESPACES=\"git,vouch-approval\",valid-after=20260101,valid-before=\"202612312359Z\" \(Self.key)",
            "carol@example.com valid-before=20260301123045 \(Self.key)\r",
        ])
        #expect(signers.problems.isEmpty, "\(signers.problems)")
        #expect(signers.signers.count == 3)
        let bob = signers.signers[1]
        #expect(bob.line == 5)
        #expect(bob.principals.matches("bob@example.com"))
        #expect(bob.principals.matches("dan@ops.example.com"))
        #expect(!bob.principals.matches("eve@ops.example.com"), "a negated pattern wins")
        #expect(!bob.principals.matches("bob@example.org"))
        #expect(bob.namespaces?.matches("git") == true)
        #expect(bob.namespaces?.matches("file") == false)
        #expect(bob.validAfter == 1_767_225_600)          // 2026-01-01T00:00:00Z
        #expect(bob.validBefore == 1_798_761_540)         // 2026-12-31T23:59:00Z
        #expect(signers.signers[2].validBefore == 1_772_368_245)  // 2026-03-01T12:30:45Z
        #expect(bob.isValid(at: 1_798_761_540) && !bob.isValid(at: 1_798_761_541), "valid-before is inclusive, as ssh-keygen judges")
        #expect(signers.signers[0].key.fingerprint.hasPrefix("SHA256:"))
        #expect(signers.signers[0].key.fingerprint.count == 50)
    }

    @Test func badLinesAreLeftOutWithTheirPlace() throws {
        let signers = read([
            "alice@example.com \(Self.key)",
            "bob@example.com cert-authority \(Self.key)",
            "carol@example.com restrict \(Self.key)",
            "dana@example.com valid-after=2026 \(Self.key)",
            "\"erin@example.com \(Self.key)",
            "frank@example.com ssh-ed25519 AAAA!!notbase64",
            "gina@example.com ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIJtmEb7Usm9QNW8vpn2l0YzpBXxgopjU/ZBIa5HsBcrb",
            "harry@example.com",
        ])
        #expect(signers.signers.map(\.line) == [1])
        let problems = signers.problems.map { "\($0.line):\($0.column): \($0.message)" }
        #expect(problems.count == 7)
        #expect(problems[0].hasPrefix("2:17: cert-authority is not supported"))
        #expect(problems[1].hasPrefix("3:19: unknown option 'restrict'"))
        #expect(problems[2].hasPrefix("4:18: valid-after takes a time as YYYYMMDD[HHMM[SS]][Z]"))
        #expect(problems[3].hasPrefix("5:1: unterminated quote"))
        #expect(problems[4].hasPrefix("6:19: the key is not valid base64"))
        #expect(problems[5].hasPrefix("7:18: the key is written as ssh-rsa but holds a ssh-ed25519 key"))
        #expect(problems[6].hasPrefix("8:18: expected a key"))
    }
}

import Foundation
import Testing
import VouchKit

/// SSH keys made by `ssh-keygen` for a test, kept outside the repository, and a fixture
/// repository whose commits git signs with them (`gpg.format ssh`).
struct SigningFixture {
    static let sshKeygen = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
    static let allowedSignersPath = ".vouch/allowed_signers"

    let evidence: EvidenceFixture
    let keys: TemporaryDirectory
    var url: URL { evidence.url }
    var git: GitFixture { evidence.git }

    init(changeManagement: String = "  branch: main\n  allowed_signers: \(SigningFixture.allowedSignersPath)\n") throws {
        evidence = try EvidenceFixture(changeManagement: changeManagement)
        keys = try TemporaryDirectory("vouch-keys")
    }

    /// Makes a key pair (`ed25519`, `ecdsa` with `bits` 256/384/521, `rsa`) and returns the
    /// private key's path.
    @discardableResult
    func key(_ name: String, type: String = "ed25519", bits: Int? = nil) throws -> String {
        let path = keys.url.appendingPathComponent(name).path
        let result = try TestSupport.run(Self.sshKeygen, ["-q", "-t", type, "-N", "", "-C", name, "-f", path] + (bits.map { ["-b", String($0)] } ?? []), in: keys.url)
        guard result.status == 0 else { throw FixtureError(message: "ssh-keygen failed: \(result.stderr)") }
        return path
    }

    /// `TYPE BASE64` of a key's public half.
    func publicKey(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path + ".pub", encoding: .utf8)
        return text.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// The key's fingerprint as ssh-keygen prints it.
    func fingerprint(_ path: String) throws -> String {
        let result = try TestSupport.run(Self.sshKeygen, ["-l", "-E", "sha256", "-f", path + ".pub"], in: keys.url)
        return String(result.stdout.split(separator: " ")[1])
    }

    /// Commits the allowed signers file (lines as given) to the branch.
    @discardableResult
    func commitAllowedSigners(_ lines: [String], date: String = "2026-01-06T09:00:00+00:00") throws -> String {
        try git.commit("Trust the team's signing keys\n\nReviewed-by: Carol Checker <carol@example.com>\n",
                       files: [Self.allowedSignersPath: lines.joined(separator: "\n") + "\n"], author: People.alice, date: date)
    }

    /// A commit signed by git itself with the SSH key at `key`.
    @discardableResult
    func signedCommit(_ message: String, file: String, key: String, author: (name: String, email: String) = People.bob, date: String) throws -> String {
        try git.write([file: "// \(file)\n"])
        try git.run(["add", "-A"])
        try git.run(["-c", "gpg.format=ssh", "-c", "user.signingKey=\(key)", "commit", "-q", "-S", "-F", "-"],
                    environment: EvidenceFixture.environment(author: author, date: date), input: message)
        return try evidence.head()
    }

    /// Rewrites the tip with a `gpgsig` header that ssh-keygen made over the unsigned commit in
    /// `namespace`, as git would in namespace `git`.
    @discardableResult
    func signTip(key: String, namespace: String, options: [String] = []) throws -> String {
        let raw = try git.run(["cat-file", "commit", "HEAD"])
        let file = keys.url.appendingPathComponent("payload-\(UUID().uuidString)")
        try Data(raw.utf8).write(to: file)
        let result = try TestSupport.run(Self.sshKeygen, ["-Y", "sign", "-n", namespace, "-f", key] + options + [file.path], in: keys.url)
        guard result.status == 0 else { throw FixtureError(message: "ssh-keygen -Y sign failed: \(result.stderr)") }
        let armor = try String(contentsOfFile: file.path + ".sig", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let header = "gpgsig " + armor.split(separator: "\n").joined(separator: "\n ")
        return try replaceTip(with: raw.replacingOccurrences(of: "\n\n", with: "\n" + header + "\n\n", options: [], range: raw.range(of: "\n\n")))
    }

    /// Writes `object` as a commit and points main at it.
    func replaceTip(with object: String) throws -> String {
        let id = try git.run(["hash-object", "-t", "commit", "-w", "--stdin"], input: object).trimmingCharacters(in: .whitespacesAndNewlines)
        try git.run(["update-ref", "refs/heads/main", id])
        return id
    }

    /// `%G?` of each commit as `git log` verifies it against the same allowed signers.
    func gitVerdicts() throws -> [String: String] {
        let signers = keys.url.appendingPathComponent("allowed-\(UUID().uuidString)")
        try Data(try git.run(["show", "HEAD:\(Self.allowedSignersPath)"]).utf8).write(to: signers)
        let log = try git.run(["-c", "gpg.ssh.allowedSignersFile=\(signers.path)", "log", "--format=%H %G?"])
        return Dictionary(uniqueKeysWithValues: log.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        })
    }

    /// `vouch evidence --format json` of the whole year, parsed: metadata and changes by commit.
    func evidence(_ extra: [String] = []) throws -> (result: TestSupport.ProcessResult, metadata: [String: Any], changes: [String: [String: Any]]) {
        let result = try TestSupport.vouch(["evidence", "--since", "2026-01-01", "--until", "2026-12-31", "--format", "json"] + extra, in: url)
        let json = try parseJSON(result.stdout)
        let changes = try #require(json["changes"] as? [[String: Any]])
        return (result, try #require(json["metadata"] as? [String: Any]),
                Dictionary(uniqueKeysWithValues: changes.map { ($0["commit"] as! String, $0) }))
    }
}

extension Dictionary where Key == String, Value == Any {
    /// A change's `signature` object.
    var signature: [String: Any]? { self["signature"] as? [String: Any] }
    var signatureStatus: String? { signature?["status"] as? String }
    var exceptionIDs: [String] { self["exceptions"] as? [String] ?? [] }
}

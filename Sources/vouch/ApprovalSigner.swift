import Foundation
import VouchKit

/// Signs an approval the way git signs a commit, with the approver's own key and program: for
/// `gpg.format ssh`, `ssh-keygen -Y sign -n vouch-approval -f KEY` (`gpg.ssh.program`); for
/// `openpgp` (the default), `gpg --detach-sign --armor -u KEY` (`gpg.program`). The key is
/// `user.signingkey`: for SSH a key file (private, or public with the private half in the
/// agent) or a literal `ssh-…`/`key::` public key; for OpenPGP a key id, else the approver's email.
struct ApprovalSigner {
    var format: String
    var program: String
    var key: String?

    init(repository: Repository) throws {
        format = (try repository.configString("gpg.format") ?? "openpgp").lowercased()
        switch format {
        case "ssh":
            program = try repository.configString("gpg.ssh.program") ?? "ssh-keygen"
            key = try repository.configString("user.signingkey").flatMap { literal in
                Self.isLiteralKey(literal) ? literal : (try repository.configPath("user.signingkey") ?? literal)
            }
        case "openpgp":
            program = try repository.configString("gpg.openpgp.program") ?? repository.configString("gpg.program") ?? "gpg"
            key = try repository.configString("user.signingkey")
        default:
            throw CommandFailure("gpg.format is '\(format)'; vouch approve --sign signs with 'ssh' or 'openpgp'")
        }
    }

    private static func isLiteralKey(_ key: String) -> Bool {
        key.hasPrefix("key::") || key.hasPrefix("ssh-") || key.hasPrefix("ecdsa-") || key.hasPrefix("sk-")
    }

    /// The armored signature of `statement`.
    func sign(_ statement: [UInt8], as approver: Identity) throws -> String {
        switch format {
        case "ssh":
            guard let key else {
                throw CommandFailure("user.signingkey is not set; point it at your SSH key: git config user.signingkey ~/.ssh/id_ed25519.pub")
            }
            if Self.isLiteralKey(key) {
                // A public key written in the configuration: ssh-keygen finds its private half in the agent.
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-signing-key-\(UUID().uuidString).pub")
                try Data((key.hasPrefix("key::") ? String(key.dropFirst(5)) : key).utf8).write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                return try run([program, "-Y", "sign", "-n", SignatureContext.approvalNamespace, "-U", "-f", file.path], input: statement)
            }
            return try run([program, "-Y", "sign", "-n", SignatureContext.approvalNamespace, "-f", key], input: statement)
        default:
            return try run([program, "--detach-sign", "--armor", "-u", key ?? approver.email], input: statement)
        }
    }

    /// Warns when `armor` does not verify over `statement` as `email`'s against the keys the
    /// branch tip trusts: the signature is kept (the keys may be added later), but the signer learns
    /// now that it would not count.
    static func warnUnlessVerifies(_ armor: String, over statement: [UInt8], as email: String, settings: ChangeManagementSettings?, tip: ObjectID?, in repository: Repository) throws {
        guard let settings else { return }
        let keys = try SignatureKeys.read(settings, at: tip, in: repository)
        let context = SignatureContext(namespace: SignatureContext.approvalNamespace, time: Timestamp(seconds: Int64(Date().timeIntervalSince1970)), principal: email)
        let check = keys.verifier.verify(format: SignatureFormat(armor: armor) ?? .unknown, signature: Array(armor.utf8), payload: statement, context: context)
        if check.status != .good {
            let files = check.format == .openpgp ? "change_management.keyring" : "change_management.allowed_signers"
            Terminal.warning("the signature does not verify as yours against \(files) at \(settings.branch ?? "HEAD") (\(check.status.rawValue)\(check.detail.map { ": \($0)" } ?? "")); add your key for \(email) there through a reviewed change")
        }
    }

    /// Runs the signing program with `input` on its standard input; its standard output is the signature.
    private func run(_ arguments: [String], input: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw CommandFailure("could not start \(arguments[0]) to sign the approval: \(error.localizedDescription)")
        }
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let armor = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0, armor.contains("-----BEGIN ") else {
            throw CommandFailure("\(arguments[0]) could not sign the approval (exit \(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return armor
    }
}

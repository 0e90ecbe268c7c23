import Foundation
import Testing

/// OpenPGP keys made for a test with the real gpg, in a GnuPG home of their own, and commits
/// signed with them by the real `git commit -S` in a fixture repository. Times can be faked
/// (gpg's `--faked-system-time`), so keys can be made, signed with and expired in the past.
final class OpenPGPFixture {
    let home: TemporaryDirectory
    let git: GitFixture
    private let program: URL

    static let gpg = URL(fileURLWithPath: "/usr/bin/env")

    /// A GnuPG home of its own, signing commits in `git` (a new repository when nil).
    init(git: GitFixture? = nil) throws {
        // A short path: gpg-agent's socket lives in the home, and socket paths are limited.
        home = try TemporaryDirectory("gpg")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.url.path)
        self.git = try git ?? GitFixture()
        // git runs this in place of gpg, so that a signature can be made at a faked time.
        program = home.url.appendingPathComponent("gpg-at-time")
        try Data("""
            #!/bin/sh
            if [ -n "$VOUCH_GPG_TIME" ]; then exec gpg --faked-system-time "$VOUCH_GPG_TIME" "$@"; fi
            exec gpg "$@"

            """.utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
    }

    deinit {
        _ = try? TestSupport.run(Self.gpg, ["gpgconf", "--kill", "gpg-agent"], in: home.url, environment: ["GNUPGHOME": home.url.path])
    }

    /// Runs gpg in the fixture's home, at `time` (`20200101T000000`) when given.
    @discardableResult
    func gpg(_ arguments: [String], at time: String? = nil, input: String? = nil) throws -> String {
        let timed = time.map { ["--faked-system-time", $0] } ?? []
        let result = try TestSupport.run(Self.gpg, ["gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", ""] + timed + arguments,
                                         in: home.url, environment: ["GNUPGHOME": home.url.path], input: input)
        guard result.status == 0 else { throw FixtureError(message: "gpg \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)") }
        return result.stdout
    }

    /// Makes an ed25519 signing key for `userID` and returns its fingerprint.
    func makeKey(_ userID: String, at time: String? = nil) throws -> String {
        try gpg(["--quick-gen-key", userID, "ed25519", "sign", "never"], at: time)
        return try fingerprints(of: userID)[0]
    }

    /// Adds a signing subkey to `fingerprint`'s key and returns the subkey's fingerprint.
    func addSigningSubkey(to fingerprint: String) throws -> String {
        try gpg(["--quick-add-key", fingerprint, "ed25519", "sign", "never"])
        return try fingerprints(of: fingerprint).last!
    }

    /// The fingerprints of a key, primary first, then its subkeys.
    func fingerprints(of key: String) throws -> [String] {
        try gpg(["--with-colons", "--list-keys", key]).split(separator: "\n")
            .filter { $0.hasPrefix("fpr:") }.map { String($0.split(separator: ":", omittingEmptySubsequences: false)[9]) }
    }

    /// Sets a key's expiry (`1d`, or `never`) as if it were `time`.
    func setExpiry(of fingerprint: String, to expiry: String, at time: String? = nil) throws {
        try gpg(["--quick-set-expire", fingerprint, expiry], at: time)
    }

    /// Revokes a key with the revocation certificate gpg stored when it made the key.
    func revoke(_ fingerprint: String) throws {
        let stored = home.url.appendingPathComponent("openpgp-revocs.d/\(fingerprint).rev")
        // gpg keeps the certificate with its armor disarmed by a leading colon.
        let certificate = try String(contentsOf: stored, encoding: .utf8).replacingOccurrences(of: ":-----BEGIN", with: "-----BEGIN")
        try gpg(["--import"], input: certificate)
    }

    /// The armored public keys, as a keyring file holds them.
    func export(_ keys: [String]) throws -> [UInt8] {
        Array(try gpg(["--armor", "--export"] + keys).utf8)
    }

    /// A commit signed by `key` (at `time`, when given) with `git commit -S`, as its signature
    /// (the armor of its gpgsig header) and the signed payload (the commit without that header).
    func signedCommit(_ message: String, key: String, at time: String? = nil) throws -> (signature: [UInt8], payload: [UInt8]) {
        try commitSigned(message, files: ["file-\(UUID().uuidString).txt": message], key: key, at: time)
        return try Self.split(git.run(["cat-file", "commit", "HEAD"]))
    }

    /// Commits `files` signed by `key` with `git commit -S` (gpg at `time`, when given), with
    /// the `environment` git is given (author, committer, dates), and returns the commit's id.
    @discardableResult
    func commitSigned(_ message: String, files: [String: String], key: String, at time: String? = nil, environment extra: [String: String] = [:]) throws -> String {
        var environment = extra.merging(["GNUPGHOME": home.url.path]) { _, home in home }
        if let time { environment["VOUCH_GPG_TIME"] = time }
        try git.write(files)
        try git.run(["add", "-A"])
        try git.run(["-c", "gpg.program=\(program.path)", "-c", "user.signingkey=\(key)!", "commit", "-q", "-S", "-F", "-"], environment: environment, input: message)
        return try git.run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `%G?` of each commit as `git log` verifies it with this home's keys (gpg's own trust).
    func gitVerdicts() throws -> [String: String] {
        let log = try git.run(["log", "--format=%H %G?"], environment: ["GNUPGHOME": home.url.path])
        return Dictionary(uniqueKeysWithValues: log.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        })
    }

    /// Splits a commit object into its gpgsig header's value and the rest, as git does to verify it.
    static func split(_ commit: String) throws -> (signature: [UInt8], payload: [UInt8]) {
        var payload: [Substring] = [], signature: [Substring] = []
        var inSignature = false, inHeaders = true
        for line in commit.split(separator: "\n", omittingEmptySubsequences: false) {
            if inHeaders && line.isEmpty { inHeaders = false }
            if inHeaders && line.hasPrefix("gpgsig ") {
                inSignature = true
                signature.append(line.dropFirst("gpgsig ".count))
            } else if inHeaders && inSignature && line.hasPrefix(" ") {
                signature.append(line.dropFirst())
            } else {
                inSignature = false
                payload.append(line)
            }
        }
        guard !signature.isEmpty else { throw FixtureError(message: "the commit is not signed:\n\(commit)") }
        return (Array((signature.joined(separator: "\n") + "\n").utf8), Array(payload.joined(separator: "\n").utf8))
    }
}

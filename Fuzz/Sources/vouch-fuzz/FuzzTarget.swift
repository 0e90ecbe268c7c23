import Foundation
import VouchKit

/// One parser under the fuzzer: a name for `bench/fuzz.sh`, and what it does with an input. An
/// input may be anything; the parser must answer with a value or an error, never a crash, a hang
/// or a sanitizer report.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([UInt8]) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "front-matter", summary: "a control file: UTF-8, front matter, YAML, the control schema, every program rule") { bytes in
            lint(["vouch.yml": Array(minimalConfiguration.utf8), "controls/fuzzed.md": bytes])
        },
        FuzzTarget(name: "policy", summary: "a policy file through the same readers, with the policy schema") { bytes in
            lint(["vouch.yml": Array(minimalConfiguration.utf8), "policies/fuzzed.md": bytes])
        },
        FuzzTarget(name: "configuration", summary: "vouch.yml decoding, then the program it configures") { bytes in
            lint(["vouch.yml": bytes, "controls/ac-01.md": Array(sampleControl.utf8)])
        },
        FuzzTarget(name: "registers", summary: "a vendor, a risk and the people roster (CSV), split from one input at NUL bytes") { bytes in
            let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
            var files = ["vouch.yml": Array(minimalConfiguration.utf8)]
            for (path, part) in zip(["vendors/fuzzed.md", "risks/fuzzed.md", "people/people.csv"], parts) { files[path] = part }
            lint(files)
        },
        FuzzTarget(name: "commit", summary: "a raw commit object, then its message and trailers") { bytes in
            guard let commit = try? Commit(id: fuzzID, bytes: bytes) else { return }
            _ = (commit.author, commit.committer, commit.messageEncoding, commit.signatureArmor)
            _ = CommitMessage(raw: commit.rawMessage, encoding: commit.messageEncoding).trailers
        },
        FuzzTarget(name: "tree", summary: "a raw tree object and lookups in it") { bytes in
            guard let tree = try? Tree(id: fuzzID, bytes: bytes) else { return }
            for entry in tree.entries { _ = tree.entry(named: entry.name) }
        },
        FuzzTarget(name: "message", summary: "a commit message: trailers as git reads them, review mechanisms") { bytes in
            let message = CommitMessage(raw: bytes)
            _ = message.trailers
            _ = MessageEvidence(message, parentCount: 1)
            _ = MessageEvidence(message, parentCount: 2)
        },
        FuzzTarget(name: "mailmap", summary: "a .mailmap file, then resolving identities through it") { bytes in
            guard let mailmap = try? Mailmap(contents: bytes) else { return }
            _ = mailmap.resolve(Identity(name: "Dana Reyes", email: "dana@example.com"))
            _ = mailmap.resolve(Identity(name: "", email: "DANA@EXAMPLE.COM"))
        },
        FuzzTarget(name: "notes", summary: "a note's text: approvals (vouch, Gerrit) and policy acknowledgements") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            _ = NoteApprovals.parse(text, reference: NoteApprovals.vouchReference)
            _ = NoteApprovals.parse(text, reference: NoteApprovals.gerritReference)
            _ = PolicyAcknowledgement.parse(note: text)
        },
        FuzzTarget(name: "allowed-signers", summary: "an allowed signers file (git's format), then matching principals and validity") { bytes in
            let file = AllowedSigners(contents: bytes)
            for signer in file.signers {
                _ = signer.principals.matches("dana@example.com")
                _ = signer.namespaces?.matches("git")
                _ = signer.isValid(at: 1_780_000_000)
            }
        },
        FuzzTarget(name: "ssh-signature", summary: "an SSH signature: the armor and SSHSIG blob, its key, and verification against an allowed signer") { bytes in
            // The input read as an armor (the seeds are real ones), and as the binary blobs inside.
            let verifier = SSHSignatureVerifier(signers: AllowedSigners(contents: fuzzAllowedSigners).signers)
            _ = verifier.verify(signature: bytes, payload: Array("payload\n".utf8), context: SignatureContext(namespace: "git", time: Timestamp(seconds: 1_780_000_000)))
            _ = try? SSHSignature(blob: bytes)
            _ = try? SSHPublicKey(blob: bytes)
        },
    ]

    /// Keys of every kind, so verification reaches each algorithm's code (public keys made for
    /// the seeds, whose private halves signed them: bench/fuzz.sh). Read for every input rather
    /// than kept as parsed keys: LeakSanitizer does not follow Swift's packed references, and
    /// would report keys held by a global as leaked at exit.
    static let fuzzAllowedSigners: [UInt8] = ProcessInfo.processInfo.environment["VOUCH_FUZZ_ALLOWED_SIGNERS"]
        .flatMap { FileManager.default.contents(atPath: $0) }.map { Array($0) } ?? []

    static let fuzzID = ObjectID(hex: String(repeating: "ab", count: 20))!

    static let minimalConfiguration = """
        organization: Fuzz
        system: Fuzz
        reports:
          soc2:
            type: 2
            period: { start: 2026-01-01, end: 2026-12-31 }
            categories: [security]

        """

    static let sampleControl = """
        ---
        id: AC-01
        title: Access is reviewed
        criteria: [CC6.1]
        owner: Security
        frequency: quarterly
        kind: detective
        automation: manual
        status: implemented
        evidence: [access review]
        ---
        Quarterly review.

        """

    /// Loads the files as a program and lints it on a fixed day, as `vouch lint` would.
    static func lint(_ files: [String: [UInt8]]) {
        guard let program = try? Program.load(from: FuzzedFiles(files: files)) else { return }
        _ = Linter.lint(program, options: LintOptions(today: CalendarDate("2026-06-30")!))
    }
}

/// Program files straight from the fuzzer's bytes (which need not be UTF-8).
struct FuzzedFiles: ProgramFileSource {
    var files: [String: [UInt8]]
    var displayName: String { "(fuzz)" }

    func programFiles() -> [ProgramFile] {
        files.keys.sorted().map { ProgramFile(path: $0, contents: .success(files[$0]!)) }
    }
}

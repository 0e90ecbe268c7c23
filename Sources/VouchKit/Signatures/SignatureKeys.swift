/// The keys a repository trusts, read from the branch tip like `.mailmap` (so changing them is
/// itself a change of the population): the allowed signers (`change_management.allowed_signers`)
/// and the OpenPGP keyring (`change_management.keyring`), with the blob ids the evidence records.
public struct SignatureKeys: Sendable {
    /// A key file named in `vouch.yml`: its setting, its path from the repository root, and the
    /// blob the tip holds there (nil when the tip has no such file).
    public struct KeyFile: Sendable, Hashable {
        public var setting: String
        public var path: String
        public var blob: ObjectID?
    }

    public var verifier: SignatureVerifier
    public var files: [KeyFile]
    /// Lines of the allowed signers left out, and missing files, as `PATH:LINE:COLUMN: message`.
    public var problems: [String]

    public init(verifier: SignatureVerifier = SignatureVerifier(), files: [KeyFile] = [], problems: [String] = []) {
        self.verifier = verifier
        self.files = files
        self.problems = problems
    }

    public var allowedSigners: KeyFile? { files.first { $0.setting == "allowed_signers" } }
    public var keyring: KeyFile? { files.first { $0.setting == "keyring" } }

    /// The keys `settings` name, as of commit `tip` (none without a tip). OpenPGP signatures are
    /// verified whether or not a keyring is named: without one (or with an unreadable one) no
    /// key is trusted, so a readable signature is `unknown-key` and a forged one `bad`.
    public static func read(_ settings: ChangeManagementSettings, at tip: ObjectID?, in repository: Repository) throws -> SignatureKeys {
        var keys = SignatureKeys()
        keys.verifier.openPGP = OpenPGPSignatureVerifier(emptyKeyringAt: settings.keyring ?? "change_management.keyring (not set)")
        for (setting, path) in [("allowed_signers", settings.allowedSigners), ("keyring", settings.keyring)] {
            guard let path else { continue }
            var blob: ObjectID?
            if let tip, let entry = try repository.entry(atPath: path, in: repository.tree(repository.commit(tip).treeID)), entry.kind == .blob {
                blob = entry.id
            }
            keys.files.append(KeyFile(setting: setting, path: path, blob: blob))
            guard let blob else {
                keys.problems.append("\(path): change_management.\(setting) names no file at \(tip.map { "the tip \($0.abbreviated())" } ?? "the tip"); no \(setting == "keyring" ? "OpenPGP" : "SSH") key is trusted")
                continue
            }
            let contents = try repository.blob(blob)
            if setting == "allowed_signers" {
                let signers = AllowedSigners(contents: contents)
                keys.verifier.ssh = SSHSignatureVerifier(signers: signers.signers)
                keys.problems += signers.problems.map { "\(path):\($0.line):\($0.column): \($0.message); the line is ignored" }
            } else {
                do {
                    let read = try OpenPGPKeyring.reading(path: path, contents: contents)
                    keys.verifier.openPGP = OpenPGPSignatureVerifier(keyring: read.keyring)
                    keys.problems += read.problems.map { "\(Self.place($0, path: path)); the key block is ignored" }
                    if read.keyring.keys.isEmpty && read.problems.isEmpty {
                        keys.problems.append("\(path):1:1: no public key in the keyring; no OpenPGP key is trusted")
                    }
                } catch let error as OpenPGPError {
                    keys.problems.append("\(Self.place(error, path: path)); no OpenPGP key is trusted")
                }
            }
        }
        return keys
    }

    /// A keyring problem as `PATH:LINE:COLUMN: reason` (line 1 when it has no line of its own).
    private static func place(_ error: OpenPGPError, path: String) -> String {
        switch error {
        case .keyring(_, let line, let reason): return "\(path):\(line ?? 1):1: \(reason)"
        case .library: return "\(path):1:1: \(error)"
        }
    }
}

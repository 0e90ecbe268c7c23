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

    /// The keys `settings` name, as of commit `tip` (none without a tip).
    public static func read(_ settings: ChangeManagementSettings, at tip: ObjectID?, in repository: Repository) throws -> SignatureKeys {
        var keys = SignatureKeys()
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
            // The keyring's blob is recorded here; an OpenPGP verifier (a `FormatSignatureVerifier`
            // made from its keys) goes into `verifier.openPGP`.
            if setting == "allowed_signers" {
                let signers = AllowedSigners(contents: try repository.blob(blob))
                keys.verifier.ssh = SSHSignatureVerifier(signers: signers.signers)
                keys.problems += signers.problems.map { "\(path):\($0.line):\($0.column): \($0.message); the line is ignored" }
            }
        }
        return keys
    }
}

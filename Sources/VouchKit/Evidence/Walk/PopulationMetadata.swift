/// Where the population comes from, for the report's metadata.
public struct PopulationMetadata: Sendable {
    /// The repository's name as people know it (`Repository.publicName`), never a local path.
    public var repositoryName: String
    /// `remote.origin.url` without credentials (`Redaction.url`), when configured.
    public var origin: String?
    /// The branch name; nil for a `--range` without a branch.
    public var branch: String?
    /// The reference read (`refs/heads/main`, `refs/remotes/origin/main`).
    public var branchReference: String?
    /// The newest commit of the walk; nil when the branch has no commits yet.
    public var tip: ObjectID?
    public var selection: EvidenceRequest.Selection
    public var paths: [String]
    /// Whether each record lists its paths (see `EvidenceRequest.listPaths`).
    public var pathsListed: Bool
    public var mailmapBlob: ObjectID?
    public var notes: [(reference: String, tip: ObjectID?)]
    public var settings: ChangeManagementSettings
    public var context: ChangeRuleContext
    /// The key files signatures were verified against, with their blobs at the tip.
    public var keyFiles: [SignatureKeys.KeyFile] = []
    /// What could not be read of them (`PATH:LINE:COLUMN: message`), for the command to warn of.
    public var keyProblems: [String] = []
    /// Whether every object was hashed again and checked against its id (`ObjectVerification`).
    public var objectsVerified = ObjectVerification.isEnabled
    /// Always false in a produced population: a shallow clone is refused. Reported so the
    /// evidence states that the check was made.
    public var shallow: Bool { false }
}

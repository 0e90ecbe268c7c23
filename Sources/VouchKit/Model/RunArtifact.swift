/// One artefact a run left: a file in the repository (`file:`) or one kept elsewhere (`url:`),
/// with its SHA-256 either way.
public struct RunArtifact: Sendable {
    /// The largest artefact kept in the repository (10 MiB): bigger evidence is kept elsewhere
    /// and named by `url:` with its `sha256:`.
    public static let maximumSize = 10 << 20

    /// A path from the program root, e.g. `runs/AC-03/2026-Q1/console-users.csv`.
    public var file: Located<String>?
    public var url: Located<String>?
    public var sha256: Located<String>?
    public var location: SourceLocation

    /// How the artefact is named in messages and reports: a URL without the credentials it
    /// may carry.
    public var reference: String { file?.value ?? url.map { Redaction.url($0.value, environment: [:]) } ?? "" }
}

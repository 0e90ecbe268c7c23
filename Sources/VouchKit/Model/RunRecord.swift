/// One `runs/<control-id>/<occurrence>.md` file: the evidence that a control operated for an
/// occurrence (or, with `covers:`, a span of them), who did it, who signed it off, and what it found.
public struct RunRecord: Sendable {
    public var file: String
    public var control: Located<String>
    public var occurrence: Located<String>
    /// `covers: FIRST..LAST`, occurrence names of the control's frequency, both included.
    public var covers: (first: String, last: String, location: SourceLocation)?
    public var performed: Located<CalendarDate>?
    public var performedBy: Located<Identity>?
    public var reviewedBy: Located<Identity>?
    public var result: Located<RunResult>?
    public var exceptions: [RunException]
    public var artifacts: [RunArtifact]
    public var body: Located<String>
    /// Where the front matter starts: findings about the record as a whole point here.
    public var location: SourceLocation

    /// The control id and occurrence the file name gives: `runs/AC-03/2026-Q1.md`.
    public var pathParts: (control: String, occurrence: String)? {
        let components = file.split(separator: "/")
        guard components.count == 3, let name = components.last, name.hasSuffix(".md") else { return nil }
        return (String(components[1]), String(name.dropLast(3)))
    }
}

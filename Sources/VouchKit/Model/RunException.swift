/// One exception a run found, with what was done about it.
public struct RunException: Sendable {
    public var finding: Located<String>?
    public var remediation: Located<String>?
    public var ticket: Located<String>?
    public var location: SourceLocation
}

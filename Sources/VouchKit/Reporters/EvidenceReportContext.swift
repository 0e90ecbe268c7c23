/// What every evidence report may need besides the population.
public struct EvidenceReportContext: Sendable {
    public var toolVersion: String
    public var style: TextStyle
    /// The sample size suggestion of the text report.
    public var guidance: SampleGuidance?
    /// The program's folder in the repository ("" or "a/b/"), where the findings formats place
    /// the exceptions (at its vouch.yml).
    public var programPath: String

    public init(toolVersion: String, style: TextStyle = TextStyle(color: false), guidance: SampleGuidance? = nil, programPath: String = "") {
        self.toolVersion = toolVersion
        self.style = style
        self.guidance = guidance
        self.programPath = programPath
    }
}

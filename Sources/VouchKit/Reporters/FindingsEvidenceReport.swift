/// The exceptions alone, as a findings report (SARIF, JUnit, GitHub annotations) at the
/// program's vouch.yml: collected as the walk goes, written at the end, sorted.
struct FindingsEvidenceReport: EvidenceReport {
    let output: any ReportOutput
    let format: FindingFormat
    let context: EvidenceReportContext
    private var location = SourceLocation(file: Configuration.fileName)
    private var findings: [Finding] = []
    private var commits: [String] = []

    init(output: any ReportOutput, format: FindingFormat, context: EvidenceReportContext) {
        self.output = output
        self.format = format
        self.context = context
    }

    var needsRecords: Bool { true }

    mutating func begin(_ metadata: PopulationMetadata, summary: PopulationSummary?, sample: SampleDescription?) {
        location = metadata.settings.location
    }

    mutating func record(_ record: ChangeRecord?, canonicalJSON: UnsafeRawBufferPointer) {
        commits.append(record!.commit.description)
        findings += ChangePopulation.findings(of: [record!], location: location)
    }

    func end(_ summary: PopulationSummary) {
        let report = LintReport(findings: findings.sorted(), filesChecked: 0, changes: commits)
        output.write(FindingReporter.render(report, format: format, context: ReportContext(toolVersion: context.toolVersion, programPath: context.programPath)))
    }
}

/// The population as a table for people, with the counts, digest and sample suggestion after it.
struct TextEvidenceReport: EvidenceReport {
    let output: any ReportOutput
    let context: EvidenceReportContext
    private var sample: SampleDescription?

    init(output: any ReportOutput, context: EvidenceReportContext) {
        self.output = output
        self.context = context
    }

    var needsRecords: Bool { true }

    mutating func begin(_ metadata: PopulationMetadata, summary: PopulationSummary?, sample: SampleDescription?) {
        self.sample = sample
        output.write(EvidenceReporter.textHead(metadata, sample: sample.map { ($0.size, $0.seed) }, style: context.style))
    }

    func record(_ record: ChangeRecord?, canonicalJSON: UnsafeRawBufferPointer) {
        output.write(EvidenceReporter.textChange(record!, style: context.style))
    }

    func end(_ summary: PopulationSummary) {
        output.write(EvidenceReporter.textTail(summary, guidance: context.guidance, sample: sample, style: context.style))
    }
}

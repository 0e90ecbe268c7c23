/// The population as one JSON document: the metadata (with the count and digest), then each
/// change's canonical JSON on a line of its own. Streamed from a walk, the changes wait in a
/// scratch output until the count and digest that come before them are known.
struct JSONEvidenceReport: EvidenceReport {
    let output: any ReportOutput
    let context: EvidenceReportContext
    private var metadata: PopulationMetadata?
    /// Where the changes go: the output itself when the head could be written first, else a scratch.
    private var changes: (any ReportOutput)?
    private var isFirst = true

    init(output: any ReportOutput, context: EvidenceReportContext) {
        self.output = output
        self.context = context
    }

    var needsRecords: Bool { false }

    mutating func begin(_ metadata: PopulationMetadata, summary: PopulationSummary?, sample: SampleDescription?) throws {
        if let summary {
            output.write(EvidenceReporter.jsonHead(metadata, summary: summary, sample: sample, toolVersion: context.toolVersion))
            changes = output
        } else {
            self.metadata = metadata
            changes = try output.scratch()
        }
    }

    mutating func record(_ record: ChangeRecord?, canonicalJSON: UnsafeRawBufferPointer) {
        changes!.write(EvidenceReporter.jsonChangeSeparator(isFirst: isFirst))
        changes!.write(bytes: canonicalJSON)
        isFirst = false
    }

    func end(_ summary: PopulationSummary) throws {
        if let metadata, let scratch = changes {
            output.write(EvidenceReporter.jsonHead(metadata, summary: summary, sample: nil, toolVersion: context.toolVersion))
            try output.append(scratch)
        }
        output.write(EvidenceReporter.jsonTail(empty: isFirst))
    }
}

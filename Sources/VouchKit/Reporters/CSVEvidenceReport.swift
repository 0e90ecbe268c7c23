/// The population as a spreadsheet: a header row, then one row per change.
struct CSVEvidenceReport: EvidenceReport {
    let output: any ReportOutput

    var needsRecords: Bool { true }

    func begin(_ metadata: PopulationMetadata, summary: PopulationSummary?, sample: SampleDescription?) {
        output.write(EvidenceReporter.csvHead())
    }

    func record(_ record: ChangeRecord?, canonicalJSON: UnsafeRawBufferPointer) {
        output.write(EvidenceReporter.csvRow(record!))
    }

    func end(_ summary: PopulationSummary) {}
}

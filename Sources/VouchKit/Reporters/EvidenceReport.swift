/// An evidence report written as the walk goes: `begin` before the first change, `record` for
/// each change in population order, `end` with the counts and digest. A population can be
/// large, so no report holds it whole (the findings formats keep only the exceptions).
/// `EvidenceFormat.report(to:context:)` chooses the report; `PopulationWalker.report(into:)`
/// and `reportSample(size:seed:into:)` drive it.
public protocol EvidenceReport {
    /// Whether `record` needs each change's record; without, the walk hands over only the
    /// canonical JSON and drops the records on the threads that judge them.
    var needsRecords: Bool { get }
    /// `summary` and `sample` are known at the start when a sample is reported (the whole
    /// population was walked to draw it), nil when the changes stream from the walk.
    mutating func begin(_ metadata: PopulationMetadata, summary: PopulationSummary?, sample: SampleDescription?) throws
    /// One change: its record (nil when `needsRecords` is false) and its compact JSON in UTF-8,
    /// valid only during the call.
    mutating func record(_ record: ChangeRecord?, canonicalJSON: UnsafeRawBufferPointer) throws
    mutating func end(_ summary: PopulationSummary) throws
}

extension EvidenceFormat {
    /// The report that writes this format.
    public func report(to output: any ReportOutput, context: EvidenceReportContext) -> any EvidenceReport {
        switch self {
        case .text: TextEvidenceReport(output: output, context: context)
        case .json: JSONEvidenceReport(output: output, context: context)
        case .csv: CSVEvidenceReport(output: output)
        case .sarif: FindingsEvidenceReport(output: output, format: .sarif, context: context)
        case .junit: FindingsEvidenceReport(output: output, format: .junit, context: context)
        case .github: FindingsEvidenceReport(output: output, format: .github, context: context)
        }
    }
}

extension PopulationWalker {
    /// Walks the whole population into `report`.
    @discardableResult
    public func report(into report: inout some EvidenceReport) throws -> PopulationSummary {
        try report.begin(metadata, summary: nil, sample: nil)
        let summary: PopulationSummary
        if report.needsRecords {
            summary = try walk { record, canonical in
                var canonical = canonical
                try canonical.withUTF8 { try report.record(record, canonicalJSON: UnsafeRawBufferPointer($0)) }
            }
        } else {
            summary = try walkCanonical { try report.record(nil, canonicalJSON: $0) }
        }
        try report.end(summary)
        return summary
    }

    /// Walks the whole population, draws a reproducible sample of `size` changes (all of them
    /// when fewer), and writes the sample into `report`.
    @discardableResult
    public func reportSample(size: Int, seed: String, into report: inout some EvidenceReport) throws -> PopulationSummary {
        var selector = SampleSelector(size: size, seed: seed)
        let summary = try walk { record, _ in selector.offer(record) }
        let chosen = selector.sample
        let sample = SampleDescription(size: chosen.count, seed: seed, digest: RecordDigest(chosen).value)
        try report.write(chosen, metadata: metadata, summary: summary, sample: sample)
        return summary
    }
}

extension EvidenceReport {
    /// Writes changes already in hand (a sample, a population read whole), whose counts and
    /// digest are known from the start.
    mutating func write(_ changes: [ChangeRecord], metadata: PopulationMetadata, summary: PopulationSummary, sample: SampleDescription?) throws {
        try begin(metadata, summary: summary, sample: sample)
        for change in changes {
            var canonical = change.canonicalJSON
            try canonical.withUTF8 { try record(change, canonicalJSON: UnsafeRawBufferPointer($0)) }
        }
        try end(summary)
    }
}

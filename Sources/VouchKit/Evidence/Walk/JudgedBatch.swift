/// A judged batch as the walk hands it on: the compact JSON of its changes back to back, their
/// counts, and their records unless only the JSON is wanted.
struct JudgedBatch: Sendable {
    var lines: [UInt8] = []
    /// Where each change's JSON ends in `lines`.
    var ends: [Int] = []
    /// The batch's counts (its digest stays empty: the digest follows the population's order).
    var summary = PopulationSummary()
    var records: [ChangeRecord] = []

    /// Adds the batch to `summary` (counts and digest) and hands each change to `body`, in order.
    consuming func deliver(into summary: inout PopulationSummary, _ body: (ChangeRecord?, UnsafeRawBufferPointer) throws -> Void) throws {
        summary.addCounts(of: self.summary)
        // Newest last, so that each record is moved out of the batch, never copied.
        records.reverse()
        try lines.withUnsafeBytes { lines in
            var start = 0
            for end in ends {
                let line = UnsafeRawBufferPointer(rebasing: lines[start..<end])
                summary.digest(canonical: line)
                try body(records.popLast(), line)
                start = end
            }
        }
    }
}

/// The third stage of a walk: judges batches of changes, each on its own facts alone, and
/// writes their canonical JSON. A value: every judging thread has its own copy.
struct ChangeJudge: Sendable {
    let analyzer: ChangeAnalyzer
    let pathsListed: Bool
    let keepsRecords: Bool

    /// The canonical JSON and counts of a batch, in its order, and its records when they are
    /// kept. Records not kept are released here, on the judging thread.
    func judge(_ batch: [CommitEvidence]) -> JudgedBatch {
        var judged = JudgedBatch()
        judged.ends.reserveCapacity(batch.count)
        if keepsRecords { judged.records.reserveCapacity(batch.count) }
        // One buffer for the whole batch, not one per change: each of those was allocated here
        // and freed by the thread that writes the output.
        var json = JSONWriter(capacity: batch.count * 1024)
        for evidence in batch {
            let record = analyzer.record(ChangeFacts(evidence, pathsListed: pathsListed), withMessages: keepsRecords)
            judged.summary.count(record)
            record.writeCanonicalJSON(to: &json)
            judged.ends.append(json.byteCount)
            // Moved into the result, never copied: a copy retains each of its strings.
            if keepsRecords { judged.records.append(consume record) }
        }
        judged.lines = json.bytes
        return judged
    }
}

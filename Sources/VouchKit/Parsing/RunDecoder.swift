import Foundation
import Yams

/// Reads run records, `runs/<control-id>/<occurrence>.md`, and a control's `runs:` settings, with
/// the readers' usual findings.
extension DocumentDecoder {
    static let runKeys = ["control", "occurrence", "covers", "performed", "performed_by", "reviewed_by", "result", "exceptions", "artifacts"]
    static let runScheduleKeys = ["due_days", "reviewer_required", "starts"]

    static func run(_ text: String, path: String, collector: FindingCollector) -> RunRecord? {
        guard let (reader, body) = open(text, path: path, subject: "run record", allowedKeys: runKeys, collector: collector) else { return nil }
        let control = reader.string("control", required: true) ?? Located("", at: reader.location)
        let occurrence = reader.string("occurrence", required: true) ?? Located("", at: reader.location)
        var covers: (first: String, last: String, location: SourceLocation)?
        if let written = reader.string("covers") {
            let ends = written.value.components(separatedBy: "..")
            if ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty {
                covers = (ends[0].trimmingCharacters(in: .whitespaces), ends[1].trimmingCharacters(in: .whitespaces), written.location)
            } else {
                collector.add(FieldTypeRule.finding(at: written.location, "'covers' must be a span FIRST..LAST of occurrences, e.g. 2026-03-01..2026-03-31"))
            }
        }
        let exceptions = reader.mappingList("exceptions", allowedKeys: ["finding", "remediation", "ticket"], itemName: "exception").map { item in
            item.reportUnknownKeys()
            return RunException(finding: item.string("finding"), remediation: item.string("remediation"), ticket: item.string("ticket"), location: item.location)
        }
        let artifacts = reader.mappingList("artifacts", allowedKeys: ["file", "url", "sha256"], itemName: "artifact").compactMap { item -> RunArtifact? in
            item.reportUnknownKeys()
            let file = item.string("file"), url = item.string("url")
            if file != nil, url != nil {
                collector.add(FieldValueRule.finding(at: url!.location, "give the artifact as 'file:' or 'url:', not both; one artifact per item"))
            }
            if file == nil, url == nil {
                collector.add(FieldMissingRule.finding(at: item.location, "each artifact needs 'file:' (in the repository) or 'url:' (kept elsewhere), with its 'sha256:'"))
                return nil
            }
            return RunArtifact(file: file, url: url.map { Located(Redaction.text($0.value), at: $0.location) }, sha256: item.string("sha256"), location: item.location)
        }
        return RunRecord(
            file: path, control: control, occurrence: occurrence, covers: covers,
            performed: reader.date("performed", required: true),
            performedBy: identity(reader, "performed_by", required: true, collector: collector),
            reviewedBy: identity(reader, "reviewed_by", required: false, collector: collector),
            result: reader.enumeration("result", RunResult.self, required: true),
            exceptions: exceptions, artifacts: artifacts, body: body, location: reader.location(ofKey: "control") ?? reader.location)
    }

    /// A `Name <email>` field, as git writes identities.
    private static func identity(_ reader: FieldReader, _ key: String, required: Bool, collector: FindingCollector) -> Located<Identity>? {
        guard let written = reader.string(key, required: required) else { return nil }
        guard let identity = Identity(parsing: written.value) else {
            collector.add(FieldTypeRule.finding(at: written.location, "\(key) '\(written.value)' is not an identity; write 'Name <email>' or an email address, as in git"))
            return nil
        }
        return Located(identity, at: written.location)
    }

    /// A control's `runs: {due_days, reviewer_required, starts}`; the frequency's defaults fill what is not written.
    static func runSchedule(_ reader: FieldReader, frequency: ControlFrequency?) -> RunSchedule? {
        guard let runs = reader.mapping("runs", allowedKeys: runScheduleKeys) else { return nil }
        runs.reportUnknownKeys()
        let frequency = frequency ?? .annually
        return RunSchedule(
            dueDays: runs.integer("due_days", in: 0...3650)?.value ?? RunSchedule.defaultDueDays(for: frequency),
            reviewerRequired: runs.boolean("reviewer_required")?.value ?? true,
            starts: runs.date("starts")?.value,
            location: reader.location(ofKey: "runs"))
    }
}

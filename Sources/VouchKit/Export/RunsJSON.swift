/// The `runs` member of `system-description.json`, also written whole as `evidence/runs.json`
/// (shape in docs/export.md): the `vouch runs --format json` document with the samples and the
/// artefacts added.
enum RunsJSON {
    static func render(_ runs: RunPopulation) -> JSONValue {
        let calendar = runs.calendar
        return .object([
            ("period", RunCalendarReporter.period(calendar)),
            ("judgedOn", .string(calendar.judgedOn.description)),
            ("controls", .array(calendar.controls.map(RunCalendarReporter.json))),
            ("summary", RunCalendarReporter.summary(calendar, calendar.controls)),
            ("samples", .array(runs.samples.map(RunCalendarReporter.json))),
            ("artifacts", .array(runs.artifacts.map(artifact))),
        ])
    }

    /// The manifest's `runs` member.
    static func manifest(_ runs: ExportManifest.Runs) -> JSONValue {
        .object([("judgedOn", .string(runs.judgedOn.description)), ("artifacts", .array(runs.artifacts.map(artifact)))])
    }

    static func artifact(_ artifact: RunPopulation.Artifact) -> JSONValue {
        .object([
            ("record", .string(artifact.record)),
            (artifact.isFile ? "file" : "url", .string(artifact.reference)),
            ("sha256", .optional(artifact.recorded)),
            ("found", .optional(artifact.found)),
            ("status", .string(artifact.status.rawValue)),
            ("package", .optional(artifact.packagePath)),
        ])
    }
}

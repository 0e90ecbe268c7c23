/// Program files for the run rules' examples: the default Type 2 configuration (2026), a periodic
/// control `AC-03` and its run records under `runs/AC-03/`, with one artefact.
enum RunExample {
    /// SHA-256 of the text `account,decision\n`, the content of the examples' artefact.
    static let artifactDigest = "b16029e86e415663fdbc56038b5c48250f70618def7155505a48949e7203c0e4"
    static let artifactText = "account,decision\n"

    static func control(frequency: String, extra: String = "") -> String {
        "---\nid: AC-03\ntitle: Access review\nstatus: implemented\nowner: CISO\ncriteria: [CC6.2]\nfrequency: \(frequency)\nevidence: [Access review record]\(extra.isEmpty ? "" : "\n" + extra)\n---\nText.\n"
    }

    /// The front matter of a record of AC-03 for `occurrence`, effective and reviewed, with its artefact.
    static func fields(_ occurrence: String, performed: String, reviewer: String = "Sam Okafor <sam@example.com>", result: String = "effective", artifact: String = "runs/AC-03/2026-Q1/users.csv", digest: String = artifactDigest) -> String {
        "control: AC-03\noccurrence: \(occurrence)\nperformed: \(performed)\nperformed_by: Dana Reyes <dana@example.com>\nreviewed_by: \(reviewer)\nresult: \(result)\nartifacts:\n  - file: \(artifact)\n    sha256: \(digest)"
    }

    /// A quarterly AC-03 with records (by occurrence: front matter) and the artefact file.
    static func quarterly(_ records: [String: String], control extra: String = "", files: [String: String] = [:]) -> RuleExample {
        program(frequency: "quarterly", records, control: extra, files: files)
    }

    static func program(frequency: String, _ records: [String: String], control extra: String = "", files: [String: String] = [:]) -> RuleExample {
        var all = ["controls/ac-03.md": control(frequency: frequency, extra: extra), "runs/AC-03/2026-Q1/users.csv": artifactText]
        for (name, frontMatter) in records { all["runs/AC-03/\(name).md"] = "---\n\(frontMatter)\n---\nWhat was reviewed.\n" }
        return .program(all.merging(files) { $1 })
    }

    /// Q1 to Q3 of 2026 recorded on time: nothing is missing on the examples' day (2026-11-23).
    static let onTime = ["2026-Q1": fields("2026-Q1", performed: "2026-04-08"), "2026-Q2": fields("2026-Q2", performed: "2026-07-06"), "2026-Q3": fields("2026-Q3", performed: "2026-10-05")]
}

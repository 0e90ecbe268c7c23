struct RunArtifactMismatchRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-artifact-mismatch", severity: .error,
        summary: "An artefact file's SHA-256 is the one its run record gives",
        rationale: "The record and its reviewer's sign-off speak for the artefact as it was when reviewed. A file that changed afterwards is no longer that evidence: restore it, or record a new run.",
        passingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}")],
        failingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", digest: "↓" + String(repeating: "0", count: 64))], control: "runs: {starts: 2026-03-01}")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.flatMap { record in
            record.artifacts.compactMap { artifact -> Finding? in
                guard let file = artifact.file, let expected = artifact.sha256, let actual = context.program.runArtifacts[file.value],
                      actual != expected.value.lowercased() else { return nil }
                return finding(at: expected.location, "'\(file.value)' has SHA-256 \(actual), not the \(expected.value) written here; the file changed after the run was recorded, or the hash is wrong")
            }
        }
    }
}

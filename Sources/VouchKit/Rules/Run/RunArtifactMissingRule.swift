struct RunArtifactMissingRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-artifact-missing", severity: .error,
        summary: "Each artefact a run record names is in the repository, and has its 'sha256'",
        rationale: "The artefact is what the auditor inspects: the list of accounts reviewed, the restore log, the scan report. A 'file:' must be in the program (beside the record, under runs/), and every artefact, kept here or at a 'url:', needs its SHA-256 so the export can show it is the one reviewed.",
        passingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}")],
        failingExamples: [RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", artifact: "↓runs/AC-03/2026-Q1/gone.csv")], control: "runs: {starts: 2026-03-01}")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.runs.flatMap { record in
            record.artifacts.compactMap { artifact -> Finding? in
                guard artifact.sha256 != nil else {
                    return finding(at: (artifact.file ?? artifact.url)?.location ?? artifact.location, "artifact '\(artifact.reference)' has no 'sha256'; add it (sha256sum FILE) so the export can prove it is the evidence reviewed")
                }
                guard let file = artifact.file, context.program.runArtifacts[file.value] == nil, !context.program.unreadRunArtifacts.contains(file.value) else { return nil }
                let hint = file.value.hasPrefix(ProgramLayout.runsFolder + "/") ? "" : "; keep artefacts under runs/, beside the record"
                return finding(at: file.location, "artifact '\(file.value)' is not in the program\(hint); add the file, or name it by 'url:' with its 'sha256'")
            }
        }
    }
}

struct RunUnsignedRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-unsigned", severity: .error,
        summary: "A run is signed off by a reviewer other than the person who performed it",
        rationale: "Independent review is what makes a run evidence rather than a claim: 'reviewed_by' names someone other than 'performed_by' (compared after the .mailmap, so one person's two addresses count as one). A control whose runs need no reviewer (an automated check) says 'runs: {reviewer_required: false}'.",
        passingExamples: [
            RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08")], control: "runs: {starts: 2026-03-01}"),
        ],
        failingExamples: [
            RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", reviewer: "↓Dana Reyes <DANA@example.com>")], control: "runs: {starts: 2026-03-01}"),
            .program(["controls/ac-03.md": RunExample.control(frequency: "quarterly", extra: "runs: {starts: 2026-03-01}"),
                      "runs/AC-03/2026-Q1.md": "---\n↓control: AC-03\noccurrence: 2026-Q1\nperformed: 2026-04-08\nperformed_by: Dana Reyes <dana@example.com>\nresult: effective\n---\nReviewed.\n"]),
        ])

    func check(_ context: LintContext) -> [Finding] {
        let controls = Dictionary(context.program.controls.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        return context.program.runs.compactMap { record -> Finding? in
            let required = controls[record.control.value]?.runSchedule?.reviewerRequired ?? true
            guard let reviewer = record.reviewedBy else {
                guard required else { return nil }
                return finding(at: record.location, "run \(record.control.value) \(record.occurrence.value) has no 'reviewed_by'; an independent reviewer signs it off (or the control says 'runs: {reviewer_required: false}')")
            }
            guard let performer = record.performedBy else { return nil }
            let canonical = { (identity: Identity) in context.registers?.canonical(identity) ?? identity }
            guard canonical(reviewer.value).isSamePerson(as: canonical(performer.value)) else { return nil }
            return finding(at: reviewer.location, "run \(record.control.value) \(record.occurrence.value) is reviewed by the person who performed it (\(performer.value)); ask someone independent to review it")
        }
    }
}

struct RunMissingRule: RunRule {
    static let description = RuleDescription(
        identifier: "run-missing", severity: .error,
        summary: "Every occurrence of a periodic control inside the Type 2 period whose due date has passed has a run record",
        rationale: "A Type 2 report says whether each control operated throughout the period: an auditor asks for the record of every quarterly review, every monthly scan review, every restore test. An occurrence is due 'runs.due_days' after it ends (daily 1, weekly 3, monthly 10, quarterly and continuous 30, annually 60 by default); once that day has passed without runs/<control>/<occurrence>.md, the control did not operate that time, as far as the evidence shows.",
        passingExamples: [RunExample.quarterly(RunExample.onTime)],
        failingExamples: [RunExample.program(frequency: "↓quarterly", RunExample.onTime.filter { $0.key != "2026-Q3" })])

    func check(_ context: LintContext) -> [Finding] {
        context.runs.controls.flatMap { runs in
            runs.occurrences.compactMap { expected -> Finding? in
                guard expected.status == .missing, expected.record == nil else { return nil }
                let location = runs.control.frequency?.location ?? runs.control.id.location
                return finding(at: location, "\(runs.id) \(expected.occurrence.name) was due by \(expected.due) and has no record; record the run with 'vouch runs record \(runs.id) --occurrence \(expected.occurrence.name)', or say why it did not happen with 'result: not-performed'")
            }
        }
    }
}


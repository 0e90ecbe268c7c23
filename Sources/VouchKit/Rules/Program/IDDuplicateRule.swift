struct IDDuplicateRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "id-duplicate", severity: .error,
        summary: "Ids are unique across the program",
        rationale: "References, the control matrix and the auditor's sample all go by id; two documents with one id make every one of them ambiguous.",
        passingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nA.\n",
            "controls/b.md": "---\nid: CM-02\ntitle: B\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nB.\n",
        ])],
        failingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nA.\n",
            "controls/b.md": "---\nid: ↓CM-01\ntitle: B\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nB.\n",
        ])])

    func check(_ context: LintContext) -> [Finding] {
        var first: [String: DefinedID] = [:]
        var findings: [Finding] = []
        for defined in DefinedID.all(in: context.program).sorted(by: { $0.id.location < $1.id.location }) {
            if let earlier = first[defined.id.value] {
                findings.append(finding(
                    at: defined.id.location,
                    "id '\(defined.id.value)' is already used by the \(earlier.kind) in \(earlier.id.location.file):\(earlier.id.location.line); give this \(defined.kind) its own id"))
            } else {
                first[defined.id.value] = defined
            }
        }
        return findings
    }
}

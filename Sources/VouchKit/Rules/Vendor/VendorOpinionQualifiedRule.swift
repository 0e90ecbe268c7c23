struct VendorOpinionQualifiedRule: VendorRule {
    static let description = RuleDescription(
        identifier: "vendor-opinion-qualified", severity: .warning,
        summary: "A qualified or adverse opinion, or noted exceptions, has an assessment in the vendor's body",
        rationale: "When a vendor's auditor qualifies the opinion or notes exceptions, the auditor of our report asks what we concluded and what we did about it. Write it in the vendor file's body under a heading containing 'Assessment'.",
        passingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\nassurance:\n  - kind: soc2\n    period: { start: 2025-10-01, end: 2026-09-30 }\n    opinion: qualified", body: "## Assessment\n\nThe exception concerns a region we do not use.")],
        failingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\nassurance:\n  - kind: soc2\n    period: { start: 2025-10-01, end: 2026-09-30 }\n    opinion: ↓qualified")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.vendors.flatMap { vendor -> [Finding] in
            let assessed = vendor.body.value.split(separator: "\n").contains { $0.hasPrefix("#") && $0.lowercased().contains("assessment") }
            guard !assessed else { return [] }
            return vendor.assurance.filter(\.needsAssessment).map { item in
                let what = item.opinion.map { $0.value != .unqualified ? "a \($0.value.rawValue) opinion" : "exceptions noted" } ?? "exceptions noted"
                return finding(at: item.opinion?.location ?? item.exceptionsNoted?.location ?? item.location, "the \(item.kind.value.rawValue) report of '\(vendor.displayName)' has \(what); document what it means for us under an '## Assessment' heading in the vendor file")
            }
        }
    }
}

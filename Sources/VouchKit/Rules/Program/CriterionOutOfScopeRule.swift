struct CriterionOutOfScopeRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "criterion-out-of-scope", severity: .note,
        summary: "Notes criteria whose category is not in the report's scope",
        rationale: "Mapping to a category the report does not cover is harmless, and useful if the scope grows; the note makes sure it is deliberate.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC7.2]")],
        failingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC7.2, ↓PI1.3]")])

    func check(_ context: LintContext) -> [Finding] {
        guard context.program.configuration.soc2 != nil else { return [] }
        let inScope = context.categoriesInScope
        let references = context.program.controls.flatMap(\.criteria) + context.program.policies.flatMap(\.criteria)
        return references.compactMap { reference in
            guard reference.value.isSOC2, let category = SOC2Catalog.category(of: reference.value.id), !inScope.contains(category) else { return nil }
            return finding(
                at: reference.location,
                "\(reference.value.id) is a \(category.title) criterion, and \(category.rawValue) is not in reports.soc2.categories; add the category or drop the reference if it is not meant for this report")
        }
    }
}

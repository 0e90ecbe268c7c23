struct CriterionUnknownRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "criterion-unknown", severity: .error,
        summary: "Criteria references name a criterion that exists",
        rationale: "A mistyped criterion (CC6.9) covers nothing: the control looks mapped, yet the criterion it was meant for stays uncovered.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC6.8]")],
        failingExamples: [
            .control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [↓CC6.9]"),
            .control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [↓iso27001:A.5.1]"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        let program = context.program
        var references: [Located<CriterionReference>] = []
        references += program.controls.flatMap(\.criteria)
        references += program.policies.flatMap(\.criteria)
        for section in program.systemSections {
            references += section.userEntityControls.flatMap(\.criteria)
            references += section.subserviceOrganizations.flatMap(\.controls).flatMap(\.criteria)
        }
        references += (program.configuration.soc2?.exclusions ?? []).map { Located(CriterionReference(id: $0.criterion.value), at: $0.criterion.location) }
        return references.compactMap { reference in
            let written = reference.value
            guard let catalog = program.catalogs[written.framework] else {
                let known = program.catalogs.keys.sorted()
                return finding(
                    at: reference.location,
                    "'\(written)' names framework '\(written.framework)', which has no frameworks/\(written.framework).yml; known frameworks: \(known.joined(separator: ", "))" + DidYouMean.hint(for: written.framework, in: known))
            }
            guard !catalog.contains(written.id) else { return nil }
            let noun = written.isSOC2 ? "SOC 2 criterion" : "requirement of \(catalog.name)"
            return finding(at: reference.location, "unknown \(noun) '\(written)'" + hint(for: written, in: catalog))
        }
    }

    private func hint(for reference: CriterionReference, in catalog: Catalog) -> String {
        if let exact = catalog.entries.first(where: { $0.id.lowercased() == reference.id.lowercased() }) {
            return "; did you mean '\(exact.id)'? IDs are case-sensitive"
        }
        if reference.isSOC2 {
            let series = SOC2Catalog.series(near: reference.id)
            if let first = series.first, let last = series.last, series.count > 1 {
                let prefix = first[...first.firstIndex(of: ".")!].dropLast()
                return "; the \(prefix) series runs \(first)–\(last)"
            }
        }
        return DidYouMean.hint(for: reference.id, in: catalog.entries.map(\.id))
    }
}

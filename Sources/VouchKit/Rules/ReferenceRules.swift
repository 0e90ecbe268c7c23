/// References between documents and to the catalogs must resolve.
public enum ReferenceRules {
    public static let unknownCriterion = RuleDescription(
        identifier: "criterion-unknown", severity: .error,
        summary: "Criteria references name a criterion that exists",
        rationale: "A mistyped criterion (CC6.9) covers nothing: the control looks mapped, yet the criterion it was meant for stays uncovered.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC6.8]")],
        failingExamples: [
            .control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [↓CC6.9]"),
            .control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [↓iso27001:A.5.1]"),
        ])

    public static let outOfScope = RuleDescription(
        identifier: "criterion-out-of-scope", severity: .note,
        summary: "Notes criteria whose category is not in the report's scope",
        rationale: "Mapping to a category the report does not cover is harmless, and useful if the scope grows; the note makes sure it is deliberate.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC7.2]")],
        failingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC7.2, ↓PI1.3]")])

    public static let unknownPolicy = RuleDescription(
        identifier: "policy-unknown", severity: .error,
        summary: "Controls reference policies that exist",
        rationale: "The policy is where the control's requirement is stated and approved; a dangling reference leaves the control without its authority.",
        passingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\npolicies: [change-management]\n---\nA.\n",
            "policies/change-management.md": "---\nid: change-management\ntitle: Change Management Policy\nowner: CTO\napprovers: [cto@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n",
        ])],
        failingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\npolicies: [↓change-mgmt]")])

    public static let unknownObjective = RuleDescription(
        identifier: "objective-unknown", severity: .error,
        summary: "Controls reference SOC 1 objectives that exist",
        rationale: "An objective reference that resolves to nothing covers nothing in the SOC 1 matrix.",
        failingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nobjectives: [↓CO-09]")])

    public static let unreferencedPolicy = RuleDescription(
        identifier: "policy-unreferenced", severity: .warning,
        summary: "Every policy is put into practice by at least one control",
        rationale: "A policy no control refers to has no operating evidence: auditors read that as a statement of intent only.",
        passingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\npolicies: [change-management]\n---\nA.\n",
            "policies/change-management.md": "---\nid: change-management\ntitle: Change Management Policy\nowner: CTO\napprovers: [cto@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n",
        ])],
        failingExamples: [.program([
            "policies/change-management.md": "---\nid: ↓change-management\ntitle: Change Management Policy\nowner: CTO\napprovers: [cto@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n",
        ])])
}

struct UnknownCriterionRule: ProgramRule {
    var description: RuleDescription { ReferenceRules.unknownCriterion }

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
                return description.finding(
                    at: reference.location,
                    "'\(written)' names framework '\(written.framework)', which has no frameworks/\(written.framework).yml; known frameworks: \(known.joined(separator: ", "))" + DidYouMean.hint(for: written.framework, in: known))
            }
            guard !catalog.contains(written.id) else { return nil }
            let noun = written.isSOC2 ? "SOC 2 criterion" : "requirement of \(catalog.name)"
            return description.finding(at: reference.location, "unknown \(noun) '\(written)'" + hint(for: written, in: catalog))
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

struct OutOfScopeCriterionRule: ProgramRule {
    var description: RuleDescription { ReferenceRules.outOfScope }

    func check(_ context: LintContext) -> [Finding] {
        guard context.program.configuration.soc2 != nil else { return [] }
        let inScope = context.categoriesInScope
        let references = context.program.controls.flatMap(\.criteria) + context.program.policies.flatMap(\.criteria)
        return references.compactMap { reference in
            guard reference.value.isSOC2, let category = SOC2Catalog.category(of: reference.value.id), !inScope.contains(category) else { return nil }
            return description.finding(
                at: reference.location,
                "\(reference.value.id) is a \(category.title) criterion, and \(category.rawValue) is not in reports.soc2.categories; add the category or drop the reference if it is not meant for this report")
        }
    }
}

/// Reports references from controls to ids that no document defines.
private func danglingReferences(_ references: [Located<String>], known: Set<String>, kind: String, folder: String, rule: RuleDescription) -> [Finding] {
    let candidates = known.sorted()
    return references.compactMap { reference in
        guard !known.contains(reference.value) else { return nil }
        return rule.finding(at: reference.location, "control refers to \(kind) '\(reference.value)', but no file in \(folder)/ has that id" + DidYouMean.hint(for: reference.value, in: candidates))
    }
}

struct UnknownPolicyRule: ProgramRule {
    var description: RuleDescription { ReferenceRules.unknownPolicy }

    func check(_ context: LintContext) -> [Finding] {
        danglingReferences(context.program.controls.flatMap(\.policies), known: context.policyIDs, kind: "policy", folder: "policies", rule: description)
    }
}

struct UnknownObjectiveRule: ProgramRule {
    var description: RuleDescription { ReferenceRules.unknownObjective }

    func check(_ context: LintContext) -> [Finding] {
        danglingReferences(context.program.controls.flatMap(\.objectives), known: context.objectiveIDs, kind: "objective", folder: "objectives", rule: description)
    }
}

struct UnreferencedPolicyRule: ProgramRule {
    var description: RuleDescription { ReferenceRules.unreferencedPolicy }

    func check(_ context: LintContext) -> [Finding] {
        let referenced = Set(context.program.controls.flatMap(\.policies).map(\.value))
        return context.program.policies.compactMap { policy in
            guard !policy.id.value.isEmpty, !referenced.contains(policy.id.value) else { return nil }
            return description.finding(at: policy.id.location, "no control refers to policy '\(policy.id.value)'; add it to the 'policies' list of the controls that put it into practice")
        }
    }
}

struct SystemSectionDuplicateRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "system-section-duplicate", severity: .warning,
        summary: "Each system section but the control environment has one file",
        rationale: "Two files for one section leave the order of the description to chance; only the control environment (DC5) is commonly split.",
        failingExamples: [.program([
            "system/a.md": "---\nsection: services\n---\nA.\n",
            "system/b.md": "---\nsection: ↓services\n---\nB.\n",
        ])])

    func check(_ context: LintContext) -> [Finding] {
        var first: [SystemSectionKind: String] = [:]
        return context.program.systemSections.sorted { $0.file < $1.file }.compactMap { section in
            let kind = section.kind.value
            guard !kind.allowsSeveralFiles else { return nil }
            if let earlier = first[kind] {
                return finding(at: section.kind.location, "'\(kind.rawValue)' is already described in \(earlier); merge the two files")
            }
            first[kind] = section.file
            return nil
        }
    }
}

/// A rule that checks the program as a whole, after every file has been read.
public protocol ProgramRule: Rule {
    func check(_ context: LintContext) -> [Finding]
}

extension ProgramRule {
    /// One finding per SOC 2 criterion with the given coverage status, at the category's entry in vouch.yml.
    func soc2CoverageFindings(_ context: LintContext, status: CoverageStatus, message: (CoverageRow) -> String) -> [Finding] {
        guard let report = context.configuration.soc2 else { return [] }
        return CoverageMatrix.soc2(context.program).rows.compactMap { row in
            guard row.status == status, let category = row.category.flatMap(TrustServicesCategory.init(rawValue:)) else { return nil }
            return finding(at: report.location(of: category), message(row))
        }
    }

    /// One finding per reference from a control to an id that no document defines.
    func danglingReferences(_ references: [Located<String>], known: Set<String>, kind: String, folder: String) -> [Finding] {
        let candidates = known.sorted()
        return references.compactMap { reference in
            guard !known.contains(reference.value) else { return nil }
            return finding(at: reference.location, "control refers to \(kind) '\(reference.value)', but no file in \(folder)/ has that id" + DidYouMean.hint(for: reference.value, in: candidates))
        }
    }
}

struct VendorArtifactMismatchRule: VendorRule {
    static let description = RuleDescription(
        identifier: "vendor-artifact-mismatch", severity: .error,
        summary: "A vendor report named by 'file:' exists and matches its 'sha256'",
        rationale: "The report the review relied on must be the one the auditor receives: the export copies it and the manifest records its hash, so the file must be in the program (under vendors/reports/) and its SHA-256 written beside it. A report given by 'url:' needs the hash too.",
        passingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\nassurance:\n  - kind: questionnaire\n    received: 2026-05-01\n    file: vendors/reports/r.pdf\n    sha256: \(RegisterExample.reportDigest)")],
        failingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\nassurance:\n  - kind: questionnaire\n    received: 2026-05-01\n    file: vendors/reports/r.pdf\n    sha256: ↓\(String(repeating: "0", count: 64))")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.vendors.flatMap { vendor in
            vendor.assurance.compactMap { item -> Finding? in
                guard item.file != nil || item.url != nil else { return nil }
                guard let expected = item.sha256 else {
                    return finding(at: (item.file ?? item.url)!.location, "the report has no 'sha256'; add it (sha256sum FILE) so the export can prove it is the report reviewed")
                }
                guard let file = item.file else { return nil }
                guard let actual = context.program.vendorReports[file.value] else {
                    let hint = file.value.hasPrefix(ProgramLayout.vendorReportsFolder) ? "" : "; keep reports under \(ProgramLayout.vendorReportsFolder)"
                    return finding(at: file.location, "report file '\(file.value)' is not in the program\(hint)")
                }
                guard actual != expected.value.lowercased() else { return nil }
                return finding(at: expected.location, "'\(file.value)' has SHA-256 \(actual), not the \(expected.value) written here; the file changed after it was reviewed, or the hash is wrong")
            }
        }
    }
}

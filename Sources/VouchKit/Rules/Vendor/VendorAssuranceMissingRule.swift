struct VendorAssuranceMissingRule: VendorRule {
    static let description = RuleDescription(
        identifier: "vendor-assurance-missing", severity: .error,
        summary: "Critical and high vendors have assurance on file",
        rationale: "CC9.2 asks how the organisation assesses vendors it depends on; for a critical or high vendor the auditor expects its SOC report, certificate or at least a reviewed questionnaire. A vendor with no assurance item at all has not been assessed.",
        passingExamples: [RegisterExample.soc2Vendor()],
        failingExamples: [RegisterExample.vendor("id: ↓cloud\nname: Cloud Host\ncriticality: high")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.vendors.compactMap { vendor in
            guard let criticality = vendor.criticality?.value, criticality.needsAssurance, vendor.assurance.isEmpty else { return nil }
            return finding(at: vendor.id.location, "\(criticality.rawValue) vendor '\(vendor.displayName)' has no assurance on file; add its SOC report (or certificate, pentest, questionnaire) under 'assurance:'")
        }
    }
}

struct CSOCUnaddressedRule: VendorRule {
    static let description = RuleDescription(
        identifier: "csoc-unaddressed", severity: .warning,
        summary: "Each control a vendor expects of us is met by one of our implemented controls",
        rationale: "A vendor's report lists complementary controls (CSOCs, CUECs) its own controls assume the customer operates; the auditor asks which of ours does. List them under the CSOC's 'controls'; at least one must be implemented.",
        passingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\ncsocs:\n  - text: Customers manage access to their accounts\n    criteria: [CC6.1]\n    controls: [AC-01]")],
        failingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\ncsocs:\n  - text: ↓Customers manage access to their accounts\n    criteria: [CC6.1]")])

    func check(_ context: LintContext) -> [Finding] {
        context.program.vendors.flatMap { vendor in
            vendor.csocs.compactMap { csoc -> Finding? in
                guard !csoc.controls.contains(where: { context.implementedControlIDs.contains($0.value) }) else { return nil }
                let listed = csoc.controls.isEmpty ? "lists no control of ours" : "lists no implemented control (\(csoc.controls.map(\.value).joined(separator: ", ")))"
                return finding(at: csoc.location, "the CSOC '\(csoc.text.value.count > 60 ? csoc.text.value.prefix(59) + "…" : csoc.text.value)' of '\(vendor.displayName)' \(listed); name the control that meets or monitors it under 'controls:'")
            }
        }
    }
}

struct VendorControlUnknownRule: VendorRule {
    static let description = RuleDescription(
        identifier: "vendor-control-unknown", severity: .error,
        summary: "Controls named by a vendor's CSOCs exist",
        rationale: "A CSOC mapped to a control id no file in controls/ defines is not met by anything; the id is mistyped or the control was removed.",
        passingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\ncsocs:\n  - text: Customers manage access\n    controls: [AC-01]")],
        failingExamples: [RegisterExample.vendor("id: cloud\nname: Cloud Host\ncriticality: low\ncsocs:\n  - text: Customers manage access\n    controls: [↓AC-09]")])

    func check(_ context: LintContext) -> [Finding] {
        let candidates = context.controlIDs.sorted()
        return context.program.vendors.flatMap { vendor in
            vendor.csocs.flatMap(\.controls).compactMap { control in
                guard !context.controlIDs.contains(control.value) else { return nil }
                return finding(at: control.location, "vendor '\(vendor.displayName)' refers to control '\(control.value)', but no file in controls/ has that id" + DidYouMean.hint(for: control.value, in: candidates))
            }
        }
    }
}

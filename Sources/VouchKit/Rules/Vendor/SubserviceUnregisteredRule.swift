struct SubserviceUnregisteredRule: VendorRule {
    static let description = RuleDescription(
        identifier: "subservice-unregistered", severity: .warning,
        summary: "Each subservice organisation written in system/ is a vendor of the register",
        rationale: "With a vendor register, the vendors with 'subservice: carve-out' or 'inclusive' are the description's subservice organisations (DC7) and their CSOCs: the export builds DC7 from them, so nothing is kept twice by hand. An organisation still written in system/ that no vendor names (by 'name' or 'id') escapes the assurance checks.",
        passingExamples: [.program([
            "vendors/aws.md": "---\nid: aws\nname: Amazon Web Services\ncriticality: low\nsubservice: carve-out\n---\nHosting.\n",
            "system/sub.md": "---\nsection: subservice-organizations\nsubservice_organizations:\n  - name: Amazon Web Services\n    method: carve-out\n---\nText.\n"])],
        failingExamples: [.program([
            "vendors/aws.md": "---\nid: aws\nname: Amazon Web Services\ncriticality: low\nsubservice: carve-out\n---\nHosting.\n",
            "system/sub.md": "---\nsection: subservice-organizations\nsubservice_organizations:\n  - name: ↓Payments Ltd\n    method: carve-out\n---\nText.\n"])])

    func check(_ context: LintContext) -> [Finding] {
        guard !context.program.vendors.isEmpty else { return [] }
        let vendors = context.program.vendors
        return context.program.systemSections.flatMap(\.subserviceOrganizations).compactMap { organization in
            let name = organization.name.value.lowercased()
            guard !vendors.contains(where: { $0.id.value.lowercased() == name || $0.name?.value.lowercased() == name }) else { return nil }
            return finding(at: organization.name.location, "subservice organisation '\(organization.name.value)' is not in the vendor register; add vendors/<id>.md with 'subservice: \(organization.method?.value.rawValue ?? "carve-out")' and its CSOCs, then remove it here" + DidYouMean.hint(for: organization.name.value, in: vendors.compactMap { $0.name?.value }))
        }
    }
}

/// One `vendors/*.md` file: a vendor, its assurance and the controls it expects of us.
public struct Vendor: Sendable {
    public var file: String
    public var id: Located<String>
    public var name: Located<String>?
    public var services: Located<String>?
    public var criticality: Located<VendorCriticality>?
    public var data: [Located<String>]
    public var subservice: Located<VendorSubservice>?
    public var owner: Located<String>?
    public var assurance: [VendorAssurance]
    public var csocs: [VendorCSOC]
    public var review: ReviewSchedule?
    public var body: Located<String>

    public var isSubservice: Bool { subservice.map { $0.value != .no } ?? false }
    public var displayName: String { name?.value ?? id.value }

    /// The attestation item whose coverage ends last, if any.
    public var latestAttestation: VendorAssurance? {
        assurance.filter { $0.kind.value.isAttestation && $0.period != nil }.max { ($0.period!.end) < ($1.period!.end) }
    }
}

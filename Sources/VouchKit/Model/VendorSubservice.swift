/// Whether a vendor is a subservice organisation of the system (DC7), and how the report treats it.
public enum VendorSubservice: String, CaseIterable, Sendable, Codable {
    case carveOut = "carve-out"
    case inclusive
    case no

    /// The description's method, for a subservice organisation.
    public var method: SubserviceMethod? {
        switch self {
        case .carveOut: .carveOut
        case .inclusive: .inclusive
        case .no: nil
        }
    }
}

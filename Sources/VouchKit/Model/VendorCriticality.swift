/// How much the system depends on a vendor; critical and high vendors need current assurance.
public enum VendorCriticality: String, CaseIterable, Sendable, Codable {
    case critical, high, medium, low

    public var needsAssurance: Bool { self == .critical || self == .high }
}

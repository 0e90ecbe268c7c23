/// The five categories of the Trust Services Criteria. Security (the common criteria) is always
/// in scope of a SOC 2 report; the others are chosen by the service organisation.
public enum TrustServicesCategory: String, CaseIterable, Sendable, Codable {
    case security
    case availability
    case confidentiality
    case processingIntegrity = "processing-integrity"
    case privacy

    /// The prefix of the criteria IDs of the category.
    public var prefix: String {
        switch self {
        case .security: "CC"
        case .availability: "A"
        case .confidentiality: "C"
        case .processingIntegrity: "PI"
        case .privacy: "P"
        }
    }

    public var title: String {
        switch self {
        case .security: "Security"
        case .availability: "Availability"
        case .confidentiality: "Confidentiality"
        case .processingIntegrity: "Processing Integrity"
        case .privacy: "Privacy"
        }
    }
}

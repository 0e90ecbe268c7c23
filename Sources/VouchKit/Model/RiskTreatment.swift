/// What management decided to do about a risk.
public enum RiskTreatment: String, CaseIterable, Sendable, Codable {
    case mitigate, accept, transfer, avoid
}

/// A likelihood and an impact, each 1–5, as a 5×5 risk matrix places them.
public struct RiskScore: Sendable, Hashable {
    public var likelihood: Int
    public var impact: Int
    public var location: SourceLocation

    /// Likelihood times impact, 1–25: what `risk_appetite` is compared with.
    public var value: Int { likelihood * impact }
}

/// One `risks/*.md` file: a risk of the register, its treatment and what is left of it.
public struct Risk: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: Located<String>?
    public var category: Located<String>?
    public var inherent: RiskScore?
    public var treatment: Located<RiskTreatment>?
    public var controls: [Located<String>]
    public var residual: RiskScore?
    public var owner: Located<String>?
    public var acceptedBy: Located<Identity>?
    public var review: ReviewSchedule?
    public var body: Located<String>
    /// Where the front matter starts: findings about the risk as a whole point here.
    public var location: SourceLocation
}

/// One row of `people/people.csv`: a person of the organisation, as HR knows them.
public struct Person: Sendable {
    public var name: Located<String>
    public var email: Located<String>
    /// Other names and emails the person works under (semicolon-separated in the file).
    public var aliases: [String]
    public var role: String
    public var team: String
    public var start: Located<CalendarDate>?
    public var end: Located<CalendarDate>?
    /// Policy ids to acknowledge; `all` in the file means every policy.
    public var policiesRequired: [Located<String>]
    /// The row's first cell: findings about the whole person point here.
    public var location: SourceLocation

    public var identity: Identity { Identity(name: name.value, email: email.value) }

    public func isActive(on day: CalendarDate) -> Bool {
        guard let start = start?.value, start <= day else { return false }
        return end.map { day <= $0.value } ?? true
    }

    /// Whether the person goes by `identity`: the roster email, the name, or an alias of either.
    public func matches(_ identity: Identity) -> Bool {
        let email = identity.email.lowercased()
        if !email.isEmpty, email == self.email.value.lowercased() || aliases.contains(where: { $0.lowercased() == email }) { return true }
        return matches(name: identity.name)
    }

    public func matches(name text: String) -> Bool {
        let lowered = text.lowercased()
        guard !lowered.isEmpty else { return false }
        return lowered == name.value.lowercased() || lowered == email.value.lowercased() || aliases.contains { $0.lowercased() == lowered }
    }

    public func requires(_ policyID: String) -> Bool {
        policiesRequired.contains { $0.value == policyID || $0.value == "all" }
    }
}

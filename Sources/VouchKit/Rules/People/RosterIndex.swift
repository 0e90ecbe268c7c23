/// The roster looked up by email, alias and name, built once per rule run: rosters run to
/// thousands of people, and every owner, approver and acknowledgement is looked up.
struct RosterIndex {
    let people: [Person]
    private var byKey: [String: Int] = [:]
    private var roles: Set<String> = []

    init(_ people: [Person]) {
        self.people = people
        for (index, person) in people.enumerated() {
            for key in [person.email.value, person.name.value] + person.aliases where !key.isEmpty {
                byKey[key.lowercased()] = byKey[key.lowercased()] ?? index
            }
            if !person.role.isEmpty { roles.insert(person.role.lowercased()) }
        }
    }

    /// The roster row an identity names: by email (or an email alias) first, then by name.
    func row(_ identity: Identity) -> Int? {
        if !identity.email.isEmpty, let index = byKey[identity.email.lowercased()] { return index }
        return byKey[identity.name.lowercased()]
    }

    func person(_ identity: Identity) -> Person? { row(identity).map { people[$0] } }

    /// Whether an owner written as text is someone on the roster: a name, email, alias or role.
    func knows(owner text: String) -> Bool {
        let key = text.lowercased()
        if byKey[key] != nil || roles.contains(key) { return true }
        return Identity(parsing: text).map { person($0) != nil } ?? false
    }
}

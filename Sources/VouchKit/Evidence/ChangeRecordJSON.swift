/// The JSON form of a change record: one object per change in `vouch evidence --format json`,
/// and, serialized compactly, the input of the population digest.
extension ChangeRecord {
    public var json: JSONValue {
        .object([
            ("commit", .string(commit.description)),
            ("parents", .array(parents.map { .string($0.description) })),
            ("landed_at", .string(landedAt.iso8601)),
            ("authored_at", .string(authoredAt.iso8601)),
            ("subject", .string(subject)),
            ("author", Self.json(author)),
            ("committer", Self.json(committer)),
            ("co_authors", .array(coAuthors.map(Self.json))),
            ("merged_authors", .array(mergedAuthors.map(Self.json))),
            ("mechanism", .string(mechanism.rawValue)),
            ("review_ref", .optional(reviewReference)),
            ("approvers", .array(approvals.map(Self.json))),
            ("independent_approvers", .int(independentApprovers.count)),
            ("signature", .optional(signature?.rawValue)),
            ("emergency", .optional(emergency)),
            ("bot", .bool(isBot)),
            ("paths", paths.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("exceptions", .array(exceptions.map { .string($0.rule.identifier) })),
        ])
    }

    static func json(_ identity: Identity) -> JSONValue {
        .object([("name", .string(identity.name)), ("email", .string(identity.email))])
    }

    static func json(_ person: RecordedPerson) -> JSONValue {
        .object([("name", .string(person.identity.name)), ("email", .string(person.identity.email)), ("raw", json(person.raw))])
    }

    static func json(_ approval: Approval) -> JSONValue {
        .object([
            ("name", .string(approval.identity.name)),
            ("email", .string(approval.identity.email)),
            ("kind", .string(approval.kind.rawValue)),
            ("source", .string(approval.source.rawValue)),
            ("reference", .optional(approval.reference)),
            ("recorded_at", .optional(approval.recordedAt?.iso8601)),
        ])
    }
}

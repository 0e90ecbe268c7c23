/// The JSON form of a change record: one object per change in `vouch evidence --format json`,
/// and, followed by a line feed, the input of the population digest.
extension ChangeRecord {
    /// The record as compact JSON.
    public var canonicalJSON: String { String(decoding: canonicalJSONBytes, as: UTF8.self) }

    /// The record as compact JSON, in UTF-8. Written straight into bytes: this runs for every
    /// change of the history, and building a `JSONValue` tree first cost more than the rest of
    /// the record (as did decoding the text into a String again, for a walk that only hashes
    /// and writes it).
    var canonicalJSONBytes: [UInt8] {
        var json = JSONWriter(capacity: 1024)
        writeCanonicalJSON(to: &json)
        return json.bytes
    }

    /// Appends the record's compact JSON to `json` (several records in a row make no valid
    /// JSON together: callers keep where each one ends).
    func writeCanonicalJSON(to json: inout JSONWriter) {
        json.beginObject()
        json.key("commit"); json.objectID(commit)
        json.key("parents")
        json.beginArray()
        for parent in parents { json.objectID(parent) }
        json.endArray()
        json.key("landed_at"); json.timestamp(landedAt)
        json.key("authored_at"); json.timestamp(authoredAt)
        json.key("subject"); json.string(subject)
        json.key("author"); json.person(author)
        json.key("committer"); json.person(committer)
        json.key("co_authors"); json.identities(coAuthors)
        json.key("merged_authors"); json.identities(mergedAuthors)
        json.key("mechanism"); json.string(mechanism.rawValue)
        json.key("review_ref"); json.string(orNull: reviewReference)
        json.key("approvers"); json.approvals(approvals)
        json.key("independent_approvers"); json.int(independentApprovers.count)
        json.key("signature"); json.signature(signature)
        json.key("emergency"); json.string(orNull: emergency)
        json.key("bot"); json.bool(isBot)
        json.key("paths")
        if let paths { json.strings(paths) } else { json.null() }
        if let review {
            json.key("review")
            json.beginObject()
            json.key("platform"); json.string(review.platform.rawValue)
            json.key("number"); json.int(review.number)
            json.key("url"); json.string(review.url)
            json.key("head"); json.string(orNull: review.head)
            json.key("merged_at")
            if let mergedAt = review.mergedAt { json.timestamp(mergedAt) } else { json.null() }
            json.key("merged_by"); json.string(orNull: review.mergedBy)
            json.endObject()
        }
        if !unmatchedRequests.isEmpty {
            json.key("unmatched_requests"); json.strings(unmatchedRequests)
        }
        json.key("exceptions")
        json.beginArray()
        for exception in exceptions { json.string(exception.rule.identifier) }
        json.endArray()
        if let trailers {
            json.key("trailers")
            json.beginArray()
            for trailer in trailers {
                json.beginObject()
                json.key("key"); json.string(trailer.key)
                json.key("value"); json.string(trailer.value)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }
}

private extension JSONWriter {
    mutating func objectID(_ id: ObjectID) { plainString(length: ObjectID.hexLength, id.writeHex) }

    mutating func timestamp(_ timestamp: Timestamp) { plainString(length: Timestamp.iso8601Length, timestamp.writeISO8601) }

    mutating func identity(_ identity: Identity) {
        beginObject()
        key("name"); string(identity.name)
        key("email"); string(identity.email)
        endObject()
    }

    mutating func identities(_ identities: [Identity]) {
        beginArray()
        for identity in identities { self.identity(identity) }
        endArray()
    }

    mutating func person(_ person: RecordedPerson) {
        beginObject()
        key("name"); string(person.identity.name)
        key("email"); string(person.identity.email)
        key("raw"); identity(person.raw)
        endObject()
    }

    /// `{format, status, signer, key}`, or null for no signature.
    mutating func signature(_ signature: SignatureCheck?) {
        guard let signature else { return null() }
        beginObject()
        key("format"); string(signature.format.rawValue)
        key("status"); string(signature.status.rawValue)
        key("signer"); string(orNull: signature.signer)
        key("key"); string(orNull: signature.key)
        endObject()
    }

    mutating func approvals(_ approvals: [Approval]) {
        beginArray()
        for approval in approvals {
            beginObject()
            key("name"); string(approval.identity.name)
            key("email"); string(approval.identity.email)
            key("kind"); string(approval.kind.rawValue)
            key("source"); string(approval.source.rawValue)
            key("reference"); string(orNull: approval.reference)
            key("recorded_at")
            if let recordedAt = approval.recordedAt { timestamp(recordedAt) } else { null() }
            if let login = approval.login {
                key("login"); string(login)
                key("standing"); string(approval.standing.rawValue)
            }
            // Only signed approvals have the field: unsigned records read as before.
            if let signature = approval.signature { key("signature"); self.signature(signature) }
            endObject()
        }
        endArray()
    }
}

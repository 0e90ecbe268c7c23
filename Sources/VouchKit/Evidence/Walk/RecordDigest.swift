import Crypto

/// `sha256:` and the hex SHA-256 of a canonical record list: each record's compact JSON (the
/// line `vouch evidence --format json` prints for it) followed by a line feed, in list order.
/// Any change to any record, or to their order, changes the digest.
public struct RecordDigest: Sendable {
    private var hasher = SHA256()

    public init() {}

    public init(_ records: [ChangeRecord]) {
        for record in records { add(record) }
    }

    public mutating func add(_ record: ChangeRecord) { record.canonicalJSONBytes.withUnsafeBytes { add(canonical: $0) } }

    /// Adds a record given as the UTF-8 of its compact JSON (`ChangeRecord.canonicalJSON`).
    mutating func add(canonical line: UnsafeRawBufferPointer) {
        hasher.update(line)
        hasher.update("\n")
    }

    public var value: String { "sha256:" + SHA256.hex(hasher.finalized()) }
}

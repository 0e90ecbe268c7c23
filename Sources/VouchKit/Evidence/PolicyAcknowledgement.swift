/// A person's statement that they read and accept one version of a policy, as `vouch acknowledge`
/// writes it on `refs/notes/vouch`, on the commit that last changed the policy file:
///
///     Acknowledged: POLICY-ID BLOB-ID YYYY-MM-DD Name <email>
///
/// One line a person, so a note holds the acknowledgements of everyone for that version.
public struct PolicyAcknowledgement: Sendable, Hashable {
    public static let noteKey = "Acknowledged"

    public var policyID: String
    /// The policy file's blob id in the acknowledged version.
    public var blob: String
    public var date: CalendarDate
    public var person: Identity

    public init(policyID: String, blob: String, date: CalendarDate, person: Identity) {
        self.policyID = policyID
        self.blob = blob
        self.date = date
        self.person = person
    }

    public var noteLine: String { "\(Self.noteKey): \(policyID) \(blob) \(date) \(person)" }

    /// The acknowledgement a note line records; nil for any other line (approvals, comments).
    public init?(noteLine line: Substring) {
        guard line.hasPrefix(Self.noteKey + ": ") else { return nil }
        let fields = line.dropFirst(Self.noteKey.count + 2).split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard fields.count == 4, let date = CalendarDate(String(fields[2])), let person = Identity(parsing: String(fields[3])) else { return nil }
        self.init(policyID: String(fields[0]), blob: String(fields[1]), date: date, person: person)
    }

    /// Every acknowledgement in a note's text.
    public static func parse(note text: String) -> [PolicyAcknowledgement] {
        text.split(separator: "\n").compactMap { PolicyAcknowledgement(noteLine: $0) }
    }
}

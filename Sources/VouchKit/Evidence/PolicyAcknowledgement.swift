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
    ///
    /// A policy's note holds a line for everyone on the roster (10,000 lines for a large
    /// company, read on every lint), so ASCII lines are read as bytes; any other line goes
    /// through `init?(noteLine:)`, which gives the same answer more slowly.
    public static func parse(note text: String) -> [PolicyAcknowledgement] {
        var text = text
        return text.withUTF8 { bytes in
            bytes.split(separator: 0x0A).compactMap { line -> PolicyAcknowledgement? in
                guard line.starts(with: prefixBytes) else { return nil }
                if line.allSatisfy({ $0 < 0x80 }), let parsed = PolicyAcknowledgement(asciiNoteLine: line) { return parsed }
                return PolicyAcknowledgement(noteLine: Substring(decoding: UnsafeBufferPointer(rebasing: line), as: UTF8.self))
            }
        }
    }

    private static let prefixBytes = Array((noteKey + ": ").utf8)

    /// `init?(noteLine:)` for a line of ASCII bytes; nil where that initialiser might still read
    /// the line (the caller then asks it), so both always agree.
    private init?(asciiNoteLine line: Slice<UnsafeBufferPointer<UInt8>>) {
        let rest = line.dropFirst(Self.prefixBytes.count)
        let fields = rest.split(separator: 0x20, maxSplits: 3, omittingEmptySubsequences: true)
        guard fields.count == 4, let date = CalendarDate(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        // `Name <email>`, trimmed of spaces and tabs as Identity(parsing:) trims.
        var person = fields[3]
        while let last = person.last, last == 0x20 || last == 0x09 { person = person.dropLast() }
        guard person.last == UInt8(ascii: ">"), let open = person.lastIndex(of: UInt8(ascii: "<")) else { return nil }
        let email = person[(open + 1)..<(person.endIndex - 1)]
        guard let at = email.firstIndex(of: UInt8(ascii: "@")), at != email.startIndex, at + 1 != email.endIndex, !email.contains(0x20) else { return nil }
        var name = person[..<open]
        while let last = name.last, last == 0x20 || last == 0x09 { name = name.dropLast() }
        while let first = name.first, first == 0x20 || first == 0x09 { name = name.dropFirst() }
        self.init(policyID: String(decoding: fields[0], as: UTF8.self), blob: String(decoding: fields[1], as: UTF8.self), date: date,
                  person: Identity(name: String(decoding: name, as: UTF8.self), email: String(decoding: email, as: UTF8.self)))
    }
}

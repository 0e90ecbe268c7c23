/// A person's statement that they read and accept one version of a policy, as `vouch acknowledge`
/// writes it on `refs/notes/vouch`, on the commit that last changed the policy file:
///
///     Acknowledged: POLICY-ID BLOB-ID YYYY-MM-DD Name <email>
///
/// One line a person, so a note holds the acknowledgements of everyone for that version; a
/// signed one is followed by its `Acknowledgement-signature:` (see `AcknowledgementStatement`).
public struct PolicyAcknowledgement: Sendable, Hashable {
    public static let noteKey = "Acknowledged"

    public var policyID: String
    /// The policy file's blob id in the acknowledged version.
    public var blob: String
    public var date: CalendarDate
    public var person: Identity
    /// The armored signature stored after the line, if any.
    public var signatureArmor: String?
    /// The verdict on that signature, once judged against the repository's keys.
    public var signature: SignatureCheck?

    public init(policyID: String, blob: String, date: CalendarDate, person: Identity, signatureArmor: String? = nil) {
        self.policyID = policyID
        self.blob = blob
        self.date = date
        self.person = person
        self.signatureArmor = signatureArmor
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
    /// A signature belongs to the acknowledgement on the line just above it.
    public static func parse(note text: String) -> [PolicyAcknowledgement] {
        var text = text
        return text.withUTF8 { bytes in
            var acknowledgements: [PolicyAcknowledgement] = []
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            var index = 0
            var previousWasAcknowledgement = false
            while index < lines.count {
                let line = lines[index]
                index += 1
                if line.starts(with: prefixBytes) {
                    let parsed = line.allSatisfy({ $0 < 0x80 }) ? PolicyAcknowledgement(asciiNoteLine: line) : nil
                    if let found = parsed ?? PolicyAcknowledgement(noteLine: Substring(decoding: UnsafeBufferPointer(rebasing: line), as: UTF8.self)) {
                        acknowledgements.append(found)
                        previousWasAcknowledgement = true
                        continue
                    }
                } else if previousWasAcknowledgement, line.starts(with: signaturePrefixBytes) {
                    var armor = [String(decoding: line.dropFirst(signaturePrefixBytes.count), as: UTF8.self)]
                    // Continuation lines, and empty ones before the armor's end: `git notes edit`
                    // strips the lone space that stands for an OpenPGP armor's blank line.
                    var ended = line.contains(Self.armorEnd)
                    while index < lines.count, !ended {
                        let next = lines[index]
                        guard next.isEmpty || next.first == 0x20 || next.first == 0x09 else { break }
                        armor.append(String(decoding: next.dropFirst(next.isEmpty ? 0 : 1), as: UTF8.self))
                        ended = next.contains(Self.armorEnd)
                        index += 1
                    }
                    acknowledgements[acknowledgements.count - 1].signatureArmor = armor.joined(separator: "\n") + "\n"
                }
                previousWasAcknowledgement = false
            }
            return acknowledgements
        }
    }

    private static let prefixBytes = Array((noteKey + ": ").utf8)
    private static let armorEnd = Array("-----END ".utf8)
    private static let signaturePrefixBytes = Array((AcknowledgementStatement.signatureKey + ": ").utf8)

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

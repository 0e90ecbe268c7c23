/// What an approver said about a change.
public enum ApprovalKind: String, Sendable, Hashable, CaseIterable {
    case reviewed, approved, acked, tested

    /// Whether this kind counts towards `required_approvals`. Testing a change is not approving it.
    public var counts: Bool { self != .tested }

    /// The kind a trailer key records (`Reviewed-by`, `Acked-by`, …); nil for other keys.
    /// `Signed-off-by` certifies the origin of a patch, not a review, so it is not one.
    public init?(trailerKey key: String) {
        if let kind = Self.allCases.first(where: { Text.equalIgnoringCase($0.trailerKey, key) }) {
            self = kind
            return
        }
        // Outside ASCII, lowering in full maps a few letters to ASCII ones (the Kelvin sign to k).
        guard !key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lowercased = key.lowercased()
        guard let kind = Self.allCases.first(where: { $0.trailerKey.lowercased() == lowercased }) else { return nil }
        self = kind
    }

    /// The trailer key that records this kind.
    public var trailerKey: String {
        switch self {
        case .reviewed: "Reviewed-by"
        case .approved: "Approved-by"
        case .acked: "Acked-by"
        case .tested: "Tested-by"
        }
    }
}

/// Where in git an approval was found.
public enum ApprovalSource: String, Sendable, Hashable, CaseIterable {
    /// A trailer of the commit message (`Reviewed-by:`, `Approved-by:`, …).
    case trailer
    /// A git note on `refs/notes/vouch` (`vouch approve`) or Gerrit's `refs/notes/review`.
    case note
    /// A field in the message body outside the trailer block (Phabricator's `Reviewed By:`).
    case message
}

/// One recorded approval of a change.
public struct Approval: Sendable, Hashable {
    /// The approver, after `.mailmap`.
    public var identity: Identity
    public var kind: ApprovalKind
    public var source: ApprovalSource
    /// For notes: the notes reference.
    public var reference: String?
    /// For notes on `refs/notes/vouch`: when the notes commit that first carried it was written.
    public var recordedAt: Timestamp?

    public init(identity: Identity, kind: ApprovalKind, source: ApprovalSource, reference: String? = nil, recordedAt: Timestamp? = nil) {
        self.identity = identity
        self.kind = kind
        self.source = source
        self.reference = reference
        self.recordedAt = recordedAt
    }

    /// Whether it was in git when the change landed (message text), rather than added afterwards.
    public var precedesLanding: Bool { source != .note }
}

/// An instant with the UTC offset it was recorded in, as git stores commit times.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01 UTC.
    public var seconds: Int64
    public var offsetMinutes: Int

    public init(seconds: Int64, offsetMinutes: Int = 0) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    public init(_ signature: GitSignature) { self.init(seconds: signature.time, offsetMinutes: signature.offsetMinutes) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public static let secondsPerDay: Int64 = 86_400

    /// The UTC calendar day.
    public var utcDate: CalendarDate { CalendarDate(dayNumber: Int((seconds - (seconds % Self.secondsPerDay + Self.secondsPerDay) % Self.secondsPerDay) / Self.secondsPerDay)) }

    /// The calendar day where it was recorded (in its own offset).
    public var localDate: CalendarDate { Timestamp(seconds: seconds + Int64(offsetMinutes) * 60).utcDate }

    /// ISO 8601 with the recorded offset, e.g. `2026-03-01T10:00:00+02:00`.
    public var iso8601: String {
        String(unsafeUninitializedCapacity: Self.iso8601Length) { text in
            writeISO8601(into: text)
            return Self.iso8601Length
        }
    }

    static let iso8601Length = 25

    /// Writes `iso8601` into the first 25 bytes of `text`, digit by digit: this runs for every
    /// change of long histories.
    func writeISO8601(into text: UnsafeMutableBufferPointer<UInt8>) {
        let local = seconds + Int64(offsetMinutes) * 60
        let secondsOfDay = Int(((local % Self.secondsPerDay) + Self.secondsPerDay) % Self.secondsPerDay)
        let date = Timestamp(seconds: local).utcDate
        let offset = abs(offsetMinutes)
        func put(_ value: Int, _ width: Int, at position: Int) {
            var rest = value
            for index in stride(from: position + width - 1, through: position, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(max(0, min(9999, date.year)), 4, at: 0)
        text[4] = UInt8(ascii: "-"); put(date.month, 2, at: 5)
        text[7] = UInt8(ascii: "-"); put(date.day, 2, at: 8)
        text[10] = UInt8(ascii: "T"); put(secondsOfDay / 3600, 2, at: 11)
        text[13] = UInt8(ascii: ":"); put(secondsOfDay / 60 % 60, 2, at: 14)
        text[16] = UInt8(ascii: ":"); put(secondsOfDay % 60, 2, at: 17)
        text[19] = UInt8(ascii: offsetMinutes < 0 ? "-" : "+"); put(offset / 60 % 100, 2, at: 20)
        text[22] = UInt8(ascii: ":"); put(offset % 60, 2, at: 23)
    }

    /// Midnight UTC at the start of `date`.
    public static func startOfDay(_ date: CalendarDate) -> Timestamp { Timestamp(seconds: Int64(date.dayNumber) * secondsPerDay) }
}

extension Identity {
    /// Reads a person from a trailer or note value: `Name <email>` (anything after the `>` is
    /// ignored), a bare email, or else just a name (Phabricator user names have no email).
    public init(lenient text: String) {
        if let ascii = Self.asciiNameAndEmail(text) {
            self = ascii
            return
        }
        let trimmed = Text.trimmed(text)
        if let open = Text.firstIndex(of: "<", in: trimmed[...]), let close = Text.firstIndex(of: ">", in: trimmed[open...]) {
            self.init(name: Text.trimmed(trimmed[..<open]), email: Text.trimmed(trimmed[trimmed.index(after: open)..<close]))
        } else if let parsed = Identity(parsing: trimmed) {
            self = parsed
        } else {
            self.init(name: trimmed, email: "")
        }
    }

    /// `Name <email>` in ASCII text (what trailers nearly always hold), read by bytes: in ASCII
    /// every byte is a character, so this is the general reading without its Unicode cost.
    private static func asciiNameAndEmail(_ text: String) -> Identity? {
        Text.withUTF8(text) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }), let open = bytes.firstIndex(of: UInt8(ascii: "<")),
                  let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return Identity(name: Text.trimmed(bytes[..<open]), email: Text.trimmed(bytes[(open + 1)..<close]))
        }
    }

    /// Whether two identities are the same person: same email ignoring case; when either has
    /// no email, the same name, or a name equal to the other's email user part.
    public func isSamePerson(as other: Identity) -> Bool {
        if !email.isEmpty, !other.email.isEmpty { return Text.equalIgnoringCase(email, other.email) }
        func loose(_ identity: Identity) -> Set<String> {
            var keys: Set<String> = []
            if !identity.name.isEmpty { keys.insert(identity.name.lowercased()) }
            if let user = identity.email.split(separator: "@").first { keys.insert(user.lowercased()) }
            return keys
        }
        return !loose(self).isDisjoint(with: loose(other))
    }
}

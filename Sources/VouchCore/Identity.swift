import Foundation

/// A person as written in a program file or a git identity: `Name <email>` or a bare email.
public struct Identity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Parses `Name <email>` or `email`; nil when no email can be found.
    public init?(parsing text: String) {
        // Blanks (space, tab, CR) only: Foundation's Unicode-aware trimming cost more than the rest
        // of reading a run record.
        let trimmed = Text.trimmed(text)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            guard Identity.looksLikeEmail(email) else { return nil }
            self.init(name: Text.trimmed(trimmed[..<open]), email: String(email))
        } else if Identity.looksLikeEmail(trimmed[...]) {
            self.init(name: "", email: trimmed)
        } else {
            return nil
        }
    }

    private static func looksLikeEmail(_ text: Substring) -> Bool {
        guard let at = text.firstIndex(of: "@") else { return false }
        return at != text.startIndex && text.index(after: at) != text.endIndex && !text.contains(" ")
    }

    public var description: String { name.isEmpty ? email : "\(name) <\(email)>" }
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

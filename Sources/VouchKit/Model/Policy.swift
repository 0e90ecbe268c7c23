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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            guard Identity.looksLikeEmail(email) else { return nil }
            self.init(name: trimmed[..<open].trimmingCharacters(in: .whitespaces), email: String(email))
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

/// A policy: a document people are held to, owned, versioned and periodically approved.
public struct Policy: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: Located<String>?
    public var owner: Located<String>?
    public var approvers: [Located<Identity>]
    public var version: Located<String>?
    public var effective: Located<CalendarDate>?
    public var reviewIntervalDays: Located<Int>?
    public var criteria: [Located<CriterionReference>]
    public var text: Located<String>
}

/// A SOC 1 control objective, defined by management.
public struct Objective: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: Located<String>?
    public var narrative: Located<String>
}

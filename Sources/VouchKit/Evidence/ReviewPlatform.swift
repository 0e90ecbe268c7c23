/// The review platforms whose pull and merge request approvals Vouch records in git notes.
public enum ReviewPlatform: String, Sendable, Hashable, CaseIterable {
    case github, gitlab

    /// How the platform writes a request's number: `#12` on GitHub, `!12` on GitLab.
    public func reference(_ number: Int) -> String { self == .github ? "#\(number)" : "!\(number)" }

    /// The email of a platform account that keeps its owner's address private, which `.mailmap`
    /// can map to the person: `583231+octocat@users.noreply.github.com`,
    /// `12-jdoe@users.noreply.gitlab.com`.
    public func noreplyEmail(id: Int, login: String) -> String {
        self == .github ? "\(id)+\(login)@users.noreply.github.com" : "\(id)-\(login)@users.noreply.gitlab.com"
    }

    /// The login in such an email, nil for any other address.
    public func login(inNoreplyEmail email: String) -> String? {
        let domain = self == .github ? "@users.noreply.github.com" : "@users.noreply.gitlab.com"
        // An ASCII email (nearly every one) is read by bytes.
        let ascii = Text.withUTF8(email) { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let suffix = domain.utf8
            guard bytes.count >= suffix.count, zip(bytes[(bytes.count - suffix.count)...], suffix).allSatisfy({ Text.lower($0) == $1 }) else { return .some(nil) }
            let user = bytes[..<(bytes.count - suffix.count)]
            let mark = UInt8(ascii: self == .github ? "+" : "-")
            guard let separator = user.firstIndex(of: mark), user[..<separator].allSatisfy(Text.isDigit) else { return String(decoding: user, as: UTF8.self) }
            return String(decoding: user[(separator + 1)...], as: UTF8.self)
        }
        if let ascii { return ascii }
        guard email.lowercased().hasSuffix(domain) else { return nil }
        let user = email.dropLast(domain.count)
        guard let separator = user.firstIndex(of: self == .github ? "+" : "-"), user[..<separator].allSatisfy(\.isNumber) else { return String(user) }
        return String(user[user.index(after: separator)...])
    }
}

import Foundation

/// What may be shown of a URL or a message: never credentials. Every URL Vouch prints, writes
/// into a report or a package, or puts in an error goes through `url(_:)`; every error message
/// goes through `text(_:)`.
public enum Redaction {
    /// Environment variables CI systems keep access tokens in. Their values never appear in output,
    /// wherever they come from (a remote URL built from them, an error that quotes one).
    public static let tokenVariables = ["GITHUB_TOKEN", "GH_TOKEN", "GITLAB_TOKEN", "CI_JOB_TOKEN"]
    /// What stands in for a token found outside a URL's user information.
    public static let placeholder = "[redacted]"

    /// The token variables of this process's environment, read once: the environment does not
    /// change while Vouch runs, and building it anew for every URL cost the linter measurably.
    public static let processTokens: [String: String] = {
        let environment = ProcessInfo.processInfo.environment
        return Dictionary(uniqueKeysWithValues: tokenVariables.compactMap { name in environment[name].map { (name, $0) } })
    }()

    /// The URL without its user information, and without any token of the environment:
    /// `https://user:TOKEN@host/org/repo.git` → `https://host/org/repo.git`,
    /// `ssh://user:pass@host/repo.git` → `ssh://host/repo.git`, and the scp-like
    /// `user:pass@host:org/repo.git` → `host:org/repo.git`. A user name alone goes too (a token is
    /// often passed as the user, `https://TOKEN@host/…`); local paths are kept as they are.
    public static func url(_ url: String, environment: [String: String] = Redaction.processTokens) -> String {
        tokensRemoved(from: userInformationRemoved(from: url), environment: environment)
    }

    /// Free text (an error message, a note): the user information of every `scheme://` URL in it
    /// removed, and every token of the environment replaced by `placeholder`.
    public static func text(_ text: String, environment: [String: String] = Redaction.processTokens) -> String {
        var result = ""
        var rest = Substring(text)
        while let scheme = rest.range(of: "://") {
            result += rest[..<scheme.upperBound]
            let authorityEnd = rest[scheme.upperBound...].firstIndex { $0 == "/" || $0.isWhitespace || $0 == "\"" || $0 == "'" } ?? rest.endIndex
            let authority = rest[scheme.upperBound..<authorityEnd]
            result += authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
            rest = rest[authorityEnd...]
        }
        result += rest
        return tokensRemoved(from: result, environment: environment)
    }

    private static func userInformationRemoved(from url: String) -> String {
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard let at = authority.lastIndex(of: "@") else { return url }
            return String(url[..<scheme.upperBound]) + String(rest[rest.index(after: at)...])
        }
        // git's scp-like syntax, `[user[:password]@]host:path`: the user information ends at the
        // last `@` before the first `/`, and a `:` follows it. Local paths have no such `@`.
        let beforeSlash = url.prefix { $0 != "/" }
        guard let at = beforeSlash.lastIndex(of: "@"), url[url.index(after: at)...].prefix(while: { $0 != "/" }).contains(":") else { return url }
        return String(url[url.index(after: at)...])
    }

    private static func tokensRemoved(from text: String, environment: [String: String]) -> String {
        var text = text
        // Short values are not tokens (and replacing them would garble ordinary text).
        for name in tokenVariables {
            if let token = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), token.count >= 8, text.contains(token) {
                text = text.replacingOccurrences(of: token, with: placeholder)
            }
        }
        return text
    }
}

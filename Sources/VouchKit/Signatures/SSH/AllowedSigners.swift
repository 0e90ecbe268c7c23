import Foundation

/// An allowed-signers file in git's and ssh-keygen's format, one signer a line:
/// `PRINCIPALS [OPTIONS] KEYTYPE BASE64 [COMMENT]`, `#` comments and blank lines ignored.
/// A line that cannot be read, or one Vouch does not support (`cert-authority`), is left out
/// and reported in `problems` with its line and column: leaving a line out can only make a
/// signature less trusted, never more.
public struct AllowedSigners: Sendable {
    /// A line left out, and why.
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public private(set) var signers: [AllowedSigner] = []
    public private(set) var problems: [Problem] = []

    public init(signers: [AllowedSigner]) {
        self.signers = signers
    }

    public init(contents: [UInt8]) {
        let text = String(decoding: contents, as: UTF8.self)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            do {
                if let signer = try Self.signer(line, number: index + 1) { signers.append(signer) }
            } catch {
                problems.append(Problem(line: index + 1, column: line.distance(from: line.startIndex, to: error.at) + 1, message: error.message))
            }
        }
    }

    private struct LineError: Error {
        var at: Substring.Index
        var message: String
    }

    private static let keyTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-dss",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    private static func isKeyType(_ word: Substring) -> Bool {
        keyTypes.contains(String(word)) || word.hasSuffix("-cert-v01@openssh.com")
    }

    private static func signer(_ line: Substring, number: Int) throws(LineError) -> AllowedSigner? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first, first != "#" else { return nil }
        let principalsStart = rest.startIndex
        let principals = try word(&rest)
        guard !principals.isEmpty else { throw LineError(at: principalsStart, message: "no principals before the key") }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        var options: [(name: String, value: String?, at: Substring.Index)] = []
        if let next = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).first, !isKeyType(next) {
            options = try Self.options(&rest)
            rest = rest.drop { $0 == " " || $0 == "\t" }
        }
        let typeStart = rest.startIndex
        let fields = rest.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2 else { throw LineError(at: typeStart, message: "expected a key (type and base64) after the principals") }
        let key: SSHPublicKey
        do throws(SSHPublicKey.Unusable) {
            key = try SSHPublicKey(type: String(fields[0]), base64: String(fields[1]))
        } catch {
            throw LineError(at: typeStart, message: error.reason)
        }
        var signer = AllowedSigner(principals: SSHPatternList(String(principals)), key: key, line: number)
        for option in options {
            switch option.name.lowercased() {
            case "cert-authority":
                throw LineError(at: option.at, message: "cert-authority is not supported: Vouch verifies signatures by plain keys only; list each signer's key on a line of its own")
            case "namespaces":
                guard let value = option.value else { throw LineError(at: option.at, message: "namespaces needs a value: namespaces=\"git\"") }
                signer.namespaces = SSHPatternList(value)
            case "valid-after", "valid-before":
                guard let value = option.value, let time = Self.time(value) else {
                    throw LineError(at: option.at, message: "\(option.name) takes a time as YYYYMMDD[HHMM[SS]][Z]")
                }
                if option.name.lowercased() == "valid-after" { signer.validAfter = time } else { signer.validBefore = time }
            default:
                throw LineError(at: option.at, message: "unknown option '\(option.name)'; allowed signers take cert-authority, namespaces, valid-after and valid-before")
            }
        }
        return signer
    }

    /// A word up to the next blank, or a double-quoted one; moves `rest` past it.
    private static func word(_ rest: inout Substring) throws(LineError) -> Substring {
        if rest.first == "\"" {
            let start = rest.startIndex
            let inner = rest.dropFirst()
            guard let close = inner.firstIndex(of: "\"") else { throw LineError(at: start, message: "unterminated quote") }
            rest = inner[inner.index(after: close)...]
            return inner[..<close]
        }
        let end = rest.firstIndex { $0 == " " || $0 == "\t" } ?? rest.endIndex
        defer { rest = rest[end...] }
        return rest[..<end]
    }

    /// Comma-separated options up to the next blank outside quotes: `name` or `name="value"`.
    private static func options(_ rest: inout Substring) throws(LineError) -> [(name: String, value: String?, at: Substring.Index)] {
        var options: [(name: String, value: String?, at: Substring.Index)] = []
        var index = rest.startIndex
        var start = index
        var quoted = false
        var value: String?
        var nameEnd: Substring.Index?
        func finish(_ end: Substring.Index) {
            let name = rest[start..<(nameEnd ?? end)]
            options.append((String(name), value, start))
        }
        while index < rest.endIndex {
            let character = rest[index]
            if quoted {
                if character == "\"" { quoted = false } else { value?.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "=" && nameEnd == nil {
                nameEnd = index
                value = ""
            } else if character == "," {
                finish(index)
                start = rest.index(after: index)
                nameEnd = nil
                value = nil
            } else if character == " " || character == "\t" {
                break
            } else if nameEnd != nil {
                value?.append(character)
            }
            index = rest.index(after: index)
        }
        if quoted { throw LineError(at: start, message: "unterminated quote in the options") }
        finish(index)
        rest = rest[index...]
        return options
    }

    /// `YYYYMMDD[HHMM[SS]][Z]` as seconds since 1970. ssh-keygen reads a time without `Z` in the
    /// machine's time zone; Vouch reads every time in UTC, so evidence is the same wherever it
    /// is produced (write the `Z` and both agree).
    static func time(_ text: String) -> Int64? {
        var digits = Substring(text)
        if digits.hasSuffix("Z") || digits.hasSuffix("z") { digits = digits.dropLast() }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let numbers = Array(digits).map { Int(String($0))! }
        func number(_ from: Int, _ count: Int) -> Int { numbers[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        let year = number(0, 4), month = number(4, 2), day = number(6, 2)
        let hour = digits.count >= 12 ? number(8, 2) : 0, minute = digits.count >= 12 ? number(10, 2) : 0
        let second = digits.count == 14 ? number(12, 2) : 0
        guard let date = CalendarDate(String(format: "%04d-%02d-%02d", year, month, day)), hour < 24, minute < 60, second < 60 else { return nil }
        return Timestamp.startOfDay(date).seconds + Int64(hour * 3600 + minute * 60 + second)
    }
}

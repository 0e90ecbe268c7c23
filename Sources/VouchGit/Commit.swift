internal import CLibGit2
import Foundation
import VouchCore

/// A commit, parsed from its raw object: `tree`, `parent`, `author` and `committer` lines and
/// other headers, a blank line, then the message.
///
/// A value (the object's bytes and where its parts are), so commits can be handed to other
/// threads; author, committer and message are decoded only when asked for.
public struct Commit: Sendable {
    public let id: ObjectID
    public let treeID: ObjectID
    public let parentIDs: [ObjectID]
    /// The committer time alone (seconds since 1970 UTC), read when the commit is parsed:
    /// walks filter on it before anything else.
    public let committerTime: Int64
    private let bytes: [UInt8]
    private let authorLayout: SignatureLayout
    private let committerLayout: SignatureLayout
    private let encodingValue: Range<Int>?
    private let signatureValue: Range<Int>?
    /// Where the message starts; nil when the object has no blank line after its headers.
    private let messageStart: Int?

    /// Parses a commit object's content the way libgit2 does, with the same leniency: extra
    /// `author` lines are ignored, unknown headers skipped.
    /// Public so that bytes from elsewhere (the fuzz targets under Fuzz/) parse exactly as a read object does.
    public init(id: ObjectID, bytes: [UInt8]) throws {
        self.id = id
        self.bytes = bytes
        let malformed = { (what: String) in
            GitError(code: GIT_EINVALID.rawValue, operation: "reading commit \(id)", message: "malformed commit: \(what)")
        }
        var cursor = 0
        /// The value of the header line at `cursor` named `name`, moving past the line.
        func header(_ name: StaticString) -> Range<Int>? {
            let length = name.utf8CodeUnitCount
            guard bytes.count - cursor > length, bytes[cursor + length] == 0x20,
                  bytes.withUnsafeBytes({ memcmp($0.baseAddress! + cursor, name.utf8Start, length) == 0 }) else { return nil }
            let start = cursor + length + 1
            let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
            cursor = min(end + 1, bytes.count)
            return start..<end
        }
        func objectID(_ value: Range<Int>) -> ObjectID? {
            bytes.withUnsafeBytes { ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: $0[value])) }
        }
        guard let tree = header("tree").flatMap(objectID) else { throw malformed("no tree") }
        treeID = tree
        var parents: [ObjectID] = []
        while let line = header("parent") {
            guard let parent = objectID(line) else { throw malformed("bad parent") }
            parents.append(parent)
        }
        parentIDs = parents
        guard let author = header("author") else { throw malformed("no author") }
        while header("author") != nil {}
        guard let committer = header("committer") else { throw malformed("no committer") }
        // Both are checked now, so that reading them later cannot fail; their text is only
        // decoded when asked for (on the judging threads of a walk).
        authorLayout = try SignatureLayout(bytes, author, commit: id)
        committerLayout = try SignatureLayout(bytes, committer, commit: id)
        committerTime = committerLayout.time

        // The other headers; continuation lines (starting with a space) belong to the one above.
        var encoding: Range<Int>?, signature: Range<Int>?
        var start: Int?
        while cursor < bytes.count {
            if bytes[cursor] == 0x0A {
                start = cursor + 1
                break
            }
            if let value = header("encoding") {
                encoding = value
            } else if let value = header("gpgsig") ?? header("gpgsig-sha256") {
                if signature == nil { signature = value }
            } else {
                cursor = (bytes.firstIndex(of: 0x0A, from: cursor) ?? bytes.count - 1) + 1
            }
        }
        encodingValue = encoding
        signatureValue = signature
        messageStart = start
    }

    public var author: GitSignature { authorLayout.signature(in: bytes) }

    public var committer: GitSignature { committerLayout.signature(in: bytes) }

    /// The message's bytes exactly as stored (any encoding), up to a NUL byte if it has one.
    public var rawMessage: [UInt8] {
        guard let messageStart, messageStart < bytes.count else { return [] }
        let end = bytes[messageStart...].firstIndex(of: 0) ?? bytes.count
        return Array(bytes[messageStart..<end])
    }

    /// The `encoding` header, when the commit declares one (absent means UTF-8).
    public var messageEncoding: String? { encodingValue.map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// The first line of the commit's signature (`gpgsig` or `gpgsig-sha256` header), e.g.
    /// `-----BEGIN PGP SIGNATURE-----`; nil for an unsigned commit.
    public var signatureArmor: String? { signatureValue.map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// The commit's signature and the bytes it signs, split the way git splits them when it
    /// verifies (`parse_buffer_signed_by_header`; libgit2's `git_commit_extract_signature` agrees):
    /// the signature is the `gpgsig` header's value with each continuation line's leading space
    /// removed; the payload is the object without that header and without any other `gpgsig…`
    /// header (a `gpgsig-sha256` signature signs the object without the SHA-1 one, and the other
    /// way round). Nil for a commit without a `gpgsig` header.
    public var signedContent: (signature: [UInt8], payload: [UInt8])? {
        guard signatureValue != nil else { return nil }
        var signature: [UInt8] = [], payload: [UInt8] = []
        payload.reserveCapacity(bytes.count)
        var inSignature = false, otherSignature = false, found = false
        var line = 0
        let headersEnd = messageStart ?? bytes.count
        while line < headersEnd {
            let next = (bytes.firstIndex(of: 0x0A, from: line) ?? bytes.count - 1) + 1
            var value: Int?
            if inSignature && bytes[line] == 0x20 {
                value = line + 1
            } else if Self.startsWith(bytes, at: line, "gpgsig ") {
                value = line + 7
                otherSignature = false
            } else if Self.startsWith(bytes, at: line, "gpgsig") {
                otherSignature = true
            } else if otherSignature && bytes[line] != 0x20 {
                otherSignature = false
            }
            if let value {
                signature.append(contentsOf: bytes[value..<next])
                inSignature = true
                found = true
            } else {
                if !otherSignature { payload.append(contentsOf: bytes[line..<next]) }
                inSignature = false
            }
            line = next
        }
        payload.append(contentsOf: bytes[headersEnd...])
        return found ? (signature, payload) : nil
    }

    private static func startsWith(_ bytes: [UInt8], at offset: Int, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard bytes.count - offset >= length else { return false }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + offset, prefix.utf8Start, length) == 0 }
    }
}

/// Where the parts of a `Name <email> seconds ±hhmm` line are, read as libgit2 reads it: the
/// email is between the last `<` and the last `>`, a missing time is 0, a malformed or
/// out-of-range zone is UTC.
private struct SignatureLayout: Sendable {
    var name: Range<Int>
    var email: Range<Int>
    var time: Int64 = 0
    var offsetMinutes = 0

    init(_ bytes: [UInt8], _ value: Range<Int>, commit: ObjectID) throws {
        guard let open = Self.lastIndex(of: UInt8(ascii: "<"), in: bytes, value), let close = Self.lastIndex(of: UInt8(ascii: ">"), in: bytes, value), close > open else {
            throw GitError(code: GIT_EINVALID.rawValue, operation: "reading commit \(commit)", message: "malformed signature: no e-mail in '\(String(decoding: bytes[value], as: UTF8.self))'")
        }
        name = value.lowerBound..<open
        email = (open + 1)..<close
        var cursor = close + 2
        guard cursor < value.upperBound else { return }
        guard let (time, timeEnd) = Self.integer(bytes, from: cursor, to: value.upperBound) else {
            throw GitError(code: GIT_EINVALID.rawValue, operation: "reading commit \(commit)", message: "malformed signature: invalid Unix timestamp")
        }
        self.time = time
        cursor = timeEnd + 1
        guard cursor < value.upperBound else { return }
        let sign = bytes[cursor]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let (zone, _) = Self.integer(bytes, from: cursor + 1, to: value.upperBound) else { return }
        let hours = zone / 100, minutes = zone % 100
        if hours <= 14, minutes <= 59 { offsetMinutes = Int(hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1) }
    }

    func signature(in bytes: [UInt8]) -> GitSignature {
        GitSignature(
            name: Text.trimmed(bytes[name], dropping: Text.isSpace), email: Text.trimmed(bytes[email], dropping: Text.isSpace),
            time: time, offsetMinutes: offsetMinutes)
    }

    private static func lastIndex(of byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = range.upperBound
            while index > range.lowerBound {
                index -= 1
                if buffer[index] == byte { return index }
            }
            return nil
        }
    }

    /// A decimal number (after optional blanks and sign) and where it ends; nil without digits.
    private static func integer(_ bytes: [UInt8], from start: Int, to end: Int) -> (Int64, Int)? {
        var cursor = start
        while cursor < end, Text.isSpace(bytes[cursor]) { cursor += 1 }
        var negative = false
        if cursor < end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
            negative = bytes[cursor] == UInt8(ascii: "-")
            cursor += 1
        }
        let digitsStart = cursor
        var value: Int64 = 0
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = multiplied + Int64(bytes[cursor] - 0x30)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        return (negative ? -value : value, cursor)
    }
}

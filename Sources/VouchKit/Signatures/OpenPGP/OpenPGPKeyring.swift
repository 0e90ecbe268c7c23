/// The OpenPGP public keys a repository trusts: the armored key blocks of its keyring file
/// (`change_management.keyring`), read and checked once. An immutable value, so every thread of
/// the evidence walk can share it; each makes its own `OpenPGPVerifier` from it.
public struct OpenPGPKeyring: Sendable, Hashable {
    /// One `-----BEGIN PGP PUBLIC KEY BLOCK-----` … `-----END …-----` block of the file.
    struct Block: Sendable, Hashable {
        /// The 1-based line of its BEGIN line.
        var line: Int
        var armor: [UInt8]
    }

    /// The keyring file's path, as messages name it.
    public let path: String
    /// Its primary keys, in the order of the file.
    public let keys: [OpenPGPPublicKey]
    let blocks: [Block]

    /// Reads armored public keys (the keyring file's contents; `path` names it in errors). Text
    /// outside the armor blocks is ignored, as gpg ignores it. Throws `OpenPGPError.keyring`,
    /// naming the line when the fault has one: no key at all, a block without its END line, a
    /// private key, a line that is not base64, or a block RNP cannot read as public keys.
    public init(path: String, contents: [UInt8]) throws {
        let read = try Self.reading(path: path, contents: contents)
        if let problem = read.problems.first { throw problem }
        guard !read.keyring.keys.isEmpty else { throw OpenPGPError.keyring(path: path, line: nil, reason: "no public key in the keyring") }
        self = read.keyring
    }

    private init(path: String, keys: [OpenPGPPublicKey], blocks: [Block]) {
        self.path = path
        self.keys = keys
        self.blocks = blocks
    }

    /// A keyring with no key: every OpenPGP signature is by an unknown key.
    static func empty(path: String) -> OpenPGPKeyring { OpenPGPKeyring(path: path, keys: [], blocks: []) }

    /// Reads what can be read of a keyring file, as the evidence does: the keys of every block
    /// RNP reads, and a problem for each block it cannot (that block is left out). Throws
    /// `OpenPGPError.keyring` only when the file as a whole is not a keyring: not text, a
    /// private key, a block without its END line, a line that is not base64, no block at all.
    public static func reading(path: String, contents: [UInt8]) throws -> (keyring: OpenPGPKeyring, problems: [OpenPGPError]) {
        let blocks = try Self.blocks(of: contents, path: path)
        var keys: [OpenPGPPublicKey] = [], read: [Block] = [], problems: [OpenPGPError] = []
        var seen: Set<String> = []
        for block in blocks {
            // A context of its own for each block, so a block that fails leaves nothing behind.
            let session = try RNPSession()
            do {
                try RNPDiagnostics.silenced { try session.importPublicKeys(block.armor) }
            } catch let OpenPGPError.library(_, _, message) {
                problems.append(.keyring(path: path, line: block.line, reason: "the public key block beginning here cannot be read: \(message)"))
                continue
            }
            read.append(block)
            for key in try session.primaryKeys() where seen.insert(key.fingerprint).inserted {
                keys.append(OpenPGPPublicKey(fingerprint: key.fingerprint, userIDs: key.userIDs, keyIDs: key.keyIDs, line: block.line))
            }
        }
        return (OpenPGPKeyring(path: path, keys: keys, blocks: read), problems)
    }

    private static let begin = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
    private static let end = "-----END PGP PUBLIC KEY BLOCK-----"

    /// The armor blocks of the file, each checked line by line.
    static func blocks(of contents: [UInt8], path: String) throws -> [Block] {
        var blocks: [Block] = []
        var open: (line: Int, lines: [String], inBody: Bool)?
        let lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let bytes = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw[...]
            guard let line = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
                throw OpenPGPError.keyring(path: path, line: number, reason: "not text: a binary keyring, or not a keyring at all")
            }
            let trimmed = Text.trimmed(line)
            guard var block = open else {
                if trimmed == begin {
                    open = (number, [trimmed], false)
                } else if trimmed.hasPrefix("-----BEGIN PGP PRIVATE KEY BLOCK") || trimmed.hasPrefix("-----BEGIN PGP SECRET KEY BLOCK") {
                    throw OpenPGPError.keyring(path: path, line: number, reason: "a private key; a keyring holds public keys only, and a private key must not be committed")
                } else if trimmed.hasPrefix("-----BEGIN PGP ") {
                    throw OpenPGPError.keyring(path: path, line: number, reason: "'\(trimmed)' is not a public key block")
                }
                continue
            }
            if trimmed == end {
                block.lines.append(trimmed)
                blocks.append(Block(line: block.line, armor: Array((block.lines.joined(separator: "\n") + "\n").utf8)))
                open = nil
                continue
            }
            if trimmed.hasPrefix("-----") {
                throw OpenPGPError.keyring(path: path, line: number, reason: "'\(trimmed)' inside the public key block that begins on line \(block.line), which has no END line before it")
            }
            if !block.inBody {
                // Armor headers ("Comment: …") until the blank line that opens the base64 body.
                if trimmed.isEmpty { block.inBody = true } else if !trimmed.contains(": ") { block.inBody = true; try check(trimmed, path: path, line: number) }
            } else {
                try check(trimmed, path: path, line: number)
            }
            block.lines.append(trimmed)
            open = block
        }
        if let block = open {
            throw OpenPGPError.keyring(path: path, line: block.line, reason: "the public key block beginning here has no '\(end)' line")
        }
        guard !blocks.isEmpty else {
            throw OpenPGPError.keyring(path: path, line: nil, reason: "no '\(begin)' line")
        }
        return blocks
    }

    /// A body line: base64, or the `=XXXX` checksum.
    private static func check(_ line: String, path: String, line number: Int) throws {
        let valid = line.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): return true
            default: return false
            }
        }
        guard valid else { throw OpenPGPError.keyring(path: path, line: number, reason: "not base64, inside a public key block") }
    }
}

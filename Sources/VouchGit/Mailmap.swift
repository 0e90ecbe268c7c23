internal import CLibGit2
import VouchCore
import Foundation

/// A `.mailmap`: maps the names and emails people committed under to their canonical identity.
/// Owns its libgit2 handle.
///
/// Sendable without a lock because nothing changes it after `init`: `resolve` only searches
/// libgit2's sorted entries (`git_mailmap_resolve` reads, never caches), so the judging threads
/// of the evidence walk share one. ReferenceWalkTests runs that walk with a mailmap on every
/// thread and compares it with the single-threaded walk.
public final class Mailmap: @unchecked Sendable {
    let handle: OpaquePointer
    /// A hash of every text between `<` and `>` in the file: libgit2 matches an entry only on
    /// the exact email it replaces, so an email whose hash is not here has no entry and needs no
    /// lookup (most of the identities of a history). A cheap hash of the bytes (`StableHash`),
    /// not a Set of Strings: hashing a String (as Unicode) cost more than libgit2's look-up.
    private let bracketed: Set<UInt64>

    /// Parses mailmap text (the format of git's `.mailmap`).
    public init(contents: [UInt8]) throws {
        LibGit2.ensureInitialized()
        let contents = Self.withoutEmptyReplacedEmails(contents)
        var pointer: OpaquePointer?
        _ = try contents.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                try GitError.check(git_mailmap_from_buffer(&pointer, chars.baseAddress, chars.count), "reading the mailmap")
            }
        }
        handle = pointer!
        var bracketed: Set<UInt64> = []
        var start: Int?
        for (index, byte) in contents.enumerated() {
            if byte == UInt8(ascii: "<") {
                start = index + 1
            } else if byte == UInt8(ascii: ">"), let open = start {
                bracketed.insert(contents[open..<index].withUnsafeBufferPointer { StableHash.value($0) })
                start = nil
            } else if byte == 0x0A {
                start = nil
            }
        }
        self.bracketed = bracketed
    }

    deinit { git_mailmap_free(handle) }

    /// `contents` with every line blanked whose replaced email (its last `<…>`) is empty. libgit2
    /// refuses the whole mailmap over one such line (and leaks the entry it was making); the line
    /// can match no commit libgit2 would look up, so blanking it keeps every other line in force.
    static func withoutEmptyReplacedEmails(_ contents: [UInt8]) -> [UInt8] {
        guard contents.indices.dropLast().contains(where: { contents[$0] == UInt8(ascii: "<") && contents[$0 + 1] == UInt8(ascii: ">") }) else { return contents }
        var result = contents
        var lineStart = 0
        for end in contents.indices where contents[end] == 0x0A || end == contents.count - 1 {
            let lineEnd = contents[end] == 0x0A ? end : end + 1
            // libgit2 stops reading a line at `#`.
            let line = contents[lineStart..<lineEnd]
            let content = line.prefix { $0 != UInt8(ascii: "#") }
            if let close = content.lastIndex(of: UInt8(ascii: ">")), let open = content[..<close].lastIndex(of: UInt8(ascii: "<")), open + 1 == close {
                for index in lineStart..<lineEnd { result[index] = 0x20 }
            }
            lineStart = end + 1
        }
        return result
    }

    /// The canonical identity for `identity`, or `identity` itself when the mailmap has no entry.
    public func resolve(_ identity: Identity) -> Identity {
        // C strings end at a NUL: such an email is left to libgit2 to compare.
        guard Text.withUTF8(identity.email, { bracketed.contains(StableHash.value($0)) || $0.contains(0) }) else { return identity }
        // libgit2 may hand back the very buffers it was given, so the answer is read while they live.
        return identity.name.withCString { name in
            identity.email.withCString { email in
                var realName: UnsafePointer<CChar>?
                var realEmail: UnsafePointer<CChar>?
                guard git_mailmap_resolve(&realName, &realEmail, handle, name, email) == 0 else { return identity }
                let mappedName = realName.map { $0 == name ? identity.name : String(cString: $0) } ?? identity.name
                let mappedEmail = realEmail.map { $0 == email ? identity.email : String(cString: $0) } ?? identity.email
                return Identity(name: mappedName, email: mappedEmail)
            }
        }
    }
}

extension Repository {
    /// The blob of `.mailmap` in the root of `commit`'s tree, if the commit has one.
    ///
    /// Evidence reads the committed mailmap rather than the work tree's file, so every machine
    /// resolves identities the same way for the same commit.
    public func mailmapBlob(at commit: ObjectID) throws -> ObjectID? {
        let tree = try self.tree(self.commit(commit).treeID)
        guard let entry = tree.entry(named: ".mailmap"), entry.kind == .blob else { return nil }
        return entry.id
    }
}

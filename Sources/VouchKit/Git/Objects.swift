import CLibGit2
import Foundation

/// A person and time as recorded in a commit (author or committer).
public struct GitSignature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Offset from UTC in minutes, as recorded.
    public var offsetMinutes: Int

    init(_ signature: UnsafePointer<git_signature>) {
        name = String(cString: signature.pointee.name)
        email = String(cString: signature.pointee.email)
        time = signature.pointee.when.time
        offsetMinutes = Int(signature.pointee.when.offset)
    }

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var identity: Identity { Identity(name: name, email: email) }
}

/// A commit. Owns its libgit2 handle.
public final class Commit: @unchecked Sendable {
    let handle: OpaquePointer
    public let repository: Repository

    init(handle: OpaquePointer, repository: Repository) {
        self.handle = handle
        self.repository = repository
    }

    deinit { git_commit_free(handle) }

    public var id: ObjectID { ObjectID(git_commit_id(handle)) }
    public var treeID: ObjectID { ObjectID(git_commit_tree_id(handle)) }
    public var parentIDs: [ObjectID] {
        (0..<git_commit_parentcount(handle)).map { ObjectID(git_commit_parent_id(handle, $0)) }
    }
    public var author: GitSignature { GitSignature(git_commit_author(handle)) }
    /// The committer time alone (seconds since 1970 UTC), without building the signature.
    public var committerTime: Int64 { git_commit_time(handle) }
    public var committer: GitSignature { GitSignature(git_commit_committer(handle)) }

    /// The message's bytes exactly as stored (any encoding), without libgit2's trimming.
    public var rawMessage: [UInt8] {
        guard let message = git_commit_message_raw(handle) else { return [] }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(message).assumingMemoryBound(to: UInt8.self), count: strlen(message)))
    }

    /// The `encoding` header, when the commit declares one (absent means UTF-8).
    public var messageEncoding: String? {
        git_commit_message_encoding(handle).map { String(cString: $0) }
    }

    /// A header field of the raw commit object (e.g. `gpgsig`), or nil when absent.
    public func headerField(_ name: String) throws -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_commit_header_field(&buffer, handle, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "reading header '\(name)' of commit \(id)")
        return String(cString: buffer.ptr)
    }

    public func tree() throws -> Tree { try repository.tree(treeID) }

    /// The first line of the commit's signature (`gpgsig` or `gpgsig-sha256` header), e.g.
    /// `-----BEGIN PGP SIGNATURE-----`; nil for an unsigned commit. Scans the raw header once,
    /// which is cheaper than asking libgit2 for each field name.
    public var signatureArmor: String? {
        guard let header = git_commit_raw_header(handle) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: header, count: strlen(header))
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            for field in Self.signatureFields where lineEnd - lineStart > field.count && bytes[lineStart..<(lineStart + field.count)].elementsEqual(field) {
                return String(decoding: bytes[(lineStart + field.count)..<lineEnd], as: UTF8.self)
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    private static let signatureFields = [Array("gpgsig ".utf8), Array("gpgsig-sha256 ".utf8)]
}

/// One entry of a tree: a file, a link, a subtree or a submodule.
public struct TreeEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case blob, tree, commit, other }

    public var name: String
    public var id: ObjectID
    public var kind: Kind
    /// The git file mode (0o100644, 0o100755, 0o120000 for a symbolic link, 0o040000 for a tree).
    public var mode: UInt32

    public var isSymbolicLink: Bool { mode == 0o120000 }
}

/// A tree (a folder's listing at a commit). Owns its libgit2 handle.
public final class Tree: @unchecked Sendable {
    let handle: OpaquePointer
    public let repository: Repository

    init(handle: OpaquePointer, repository: Repository) {
        self.handle = handle
        self.repository = repository
    }

    deinit { git_tree_free(handle) }

    public var id: ObjectID { ObjectID(git_tree_id(handle)) }

    public var entries: [TreeEntry] {
        (0..<git_tree_entrycount(handle)).compactMap { index in
            guard let entry = git_tree_entry_byindex(handle, index) else { return nil }
            return TreeEntry(entry)
        }
    }

    /// The entry with this exact name, without listing the others.
    public func entry(named name: String) -> TreeEntry? {
        git_tree_entry_byname(handle, name).map { TreeEntry($0) }
    }

    /// The entry at a `/`-separated path below this tree.
    public func entry(atPath path: String) throws -> TreeEntry? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, handle, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "looking up \(path) in tree \(id)")
        defer { git_tree_entry_free(entry) }
        return TreeEntry(entry!)
    }
}

extension TreeEntry {
    init(_ entry: OpaquePointer) {
        let kind: Kind
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB: kind = .blob
        case GIT_OBJECT_TREE: kind = .tree
        case GIT_OBJECT_COMMIT: kind = .commit
        default: kind = .other
        }
        self.init(
            name: String(cString: git_tree_entry_name(entry)),
            id: ObjectID(git_tree_entry_id(entry)),
            kind: kind,
            mode: UInt32(git_tree_entry_filemode(entry).rawValue))
    }
}

extension Repository {
    public func commit(_ id: ObjectID) throws -> Commit {
        var oid = id.raw
        var pointer: OpaquePointer?
        try GitError.check(git_commit_lookup(&pointer, handle, &oid), "reading commit \(id)")
        return Commit(handle: pointer!, repository: self)
    }

    public func tree(_ id: ObjectID) throws -> Tree {
        var oid = id.raw
        var pointer: OpaquePointer?
        try GitError.check(git_tree_lookup(&pointer, handle, &oid), "reading tree \(id)")
        return Tree(handle: pointer!, repository: self)
    }

    /// A blob's bytes.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var pointer: OpaquePointer?
        try GitError.check(git_blob_lookup(&pointer, handle, &oid), "reading blob \(id)")
        defer { git_blob_free(pointer) }
        let size = Int(git_blob_rawsize(pointer))
        guard size > 0, let content = git_blob_rawcontent(pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// Whether the object exists in the object database (without reading it).
    public func contains(_ id: ObjectID) throws -> Bool {
        var odb: OpaquePointer?
        try GitError.check(git_repository_odb(&odb, handle), "opening the object database")
        defer { git_odb_free(odb) }
        var oid = id.raw
        return git_odb_exists(odb, &oid) == 1
    }

    /// Resolves a revision expression (`HEAD`, `main`, `v1.0^`, an id) to a commit id.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, handle, revision), "resolving revision '\(revision)'")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try GitError.check(git_object_peel(&peeled, object, GIT_OBJECT_COMMIT), "'\(revision)' does not name a commit")
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled))
    }
}

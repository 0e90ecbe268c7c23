internal import CLibGit2
import Foundation
import VouchCore

extension Repository {
    public func commit(_ id: ObjectID) throws -> Commit {
        try Commit(id: id, bytes: objects.read(id, as: GIT_OBJECT_COMMIT))
    }

    public func tree(_ id: ObjectID) throws -> Tree {
        try Tree(id: id, bytes: objects.read(id, as: GIT_OBJECT_TREE))
    }

    /// A blob's bytes.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        try objects.read(id, as: GIT_OBJECT_BLOB)
    }

    /// The entry at a `/`-separated path below `tree`, nil when there is none.
    public func entry(atPath path: String, in tree: Tree) throws -> TreeEntry? {
        var current = tree
        let names = path.split(separator: "/", omittingEmptySubsequences: true)
        for (position, name) in names.enumerated() {
            guard let entry = current.entry(named: String(name)) else { return nil }
            if position == names.count - 1 { return entry }
            guard entry.kind == .tree else { return nil }
            current = try self.tree(entry.id)
        }
        return nil
    }

    /// libgit2's own split of a signed commit into its `gpgsig` signature and the bytes it signs
    /// (`git_commit_extract_signature`); nil for an unsigned commit. `Commit.signedContent` does
    /// the same from the bytes already read, on any thread; this is the reference it agrees with.
    public func extractSignature(of id: ObjectID) throws -> (signature: [UInt8], payload: [UInt8])? {
        var oid = id.raw
        var signature = git_buf(), payload = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&payload)
        }
        let result = git_commit_extract_signature(&signature, &payload, handle, &oid, nil)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(result, "reading the signature of \(id)")
        func bytes(_ buffer: git_buf) -> [UInt8] {
            guard let pointer = buffer.ptr else { return [] }
            return Array(UnsafeRawBufferPointer(start: pointer, count: buffer.size))
        }
        return (bytes(signature), bytes(payload))
    }

    /// Whether the object exists in the object database (without reading it).
    public func contains(_ id: ObjectID) throws -> Bool {
        var oid = id.raw
        return git_odb_exists(try objects.handle, &oid) == 1
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

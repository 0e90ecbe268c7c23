internal import CLibGit2
import Foundation

/// The repository's object database, read object by object.
///
/// History walks read commits and trees as raw objects and parse them in Swift (see `Commit`
/// and `Tree`): libgit2 still finds, inflates and un-deltas every object, but skips building
/// its own parsed copy, which Vouch would only convert again.
final class ObjectDatabase {
    let handle: OpaquePointer

    init(repository: OpaquePointer) throws {
        var pointer: OpaquePointer?
        try GitError.check(git_repository_odb(&pointer, repository), "opening the object database")
        handle = pointer!
    }

    deinit { git_odb_free(handle) }

    /// The object's content (without git's `type size` prefix); a missing object is a
    /// `GitError` with `isNotFound`, and an object of another type an error too.
    func read(_ id: ObjectID, as type: git_object_t) throws -> [UInt8] {
        var oid = id.raw
        var object: OpaquePointer?
        let kind = Self.name(of: type)
        try GitError.check(git_odb_read(&object, handle, &oid), "reading \(kind) \(id)")
        defer { git_odb_object_free(object) }
        let found = git_odb_object_type(object)
        guard found == type else {
            throw GitError(code: GIT_EINVALID.rawValue, operation: "reading \(kind) \(id)", message: "the object is a \(Self.name(of: found)), not a \(kind)")
        }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    private static func name(of type: git_object_t) -> String {
        switch type {
        case GIT_OBJECT_COMMIT: "commit"
        case GIT_OBJECT_TREE: "tree"
        case GIT_OBJECT_BLOB: "blob"
        case GIT_OBJECT_TAG: "tag"
        default: "object"
        }
    }
}

import CLibGit2
import Foundation

/// Which paths a tree comparison looks at. Directory paths end with `/`.
public struct TreePathFilter: Sendable {
    /// Whether anything below `directory` (e.g. `src/app/`) can be of interest; when not, the
    /// comparison does not open that subtree at all.
    public var descends: @Sendable (_ directory: String) -> Bool
    /// Whether a changed file at `path` is reported.
    public var includes: @Sendable (_ path: String) -> Bool

    public init(descends: @escaping @Sendable (String) -> Bool, includes: @escaping @Sendable (String) -> Bool) {
        self.descends = descends
        self.includes = includes
    }

    public static let everything = TreePathFilter(descends: { _ in true }, includes: { _ in true })
}

extension Repository {
    /// The paths of files (and submodules and links) that differ between two trees, in git's
    /// path order: added, removed or modified.
    ///
    /// Compares entry ids only, never file contents, and opens a subtree only when its id
    /// differs on the two sides and the filter wants to look below it; unchanged parts of the
    /// repository cost nothing. A nil tree is empty (the parent of a root commit).
    public func changedPaths(from old: ObjectID?, to new: ObjectID?, filter: TreePathFilter = .everything) throws -> [String] {
        var paths: [String] = []
        let oldTree = try old.map(lookUpTree)
        defer { git_tree_free(oldTree) }
        let newTree = try new.map(lookUpTree)
        defer { git_tree_free(newTree) }
        try compare(oldTree, newTree, prefix: "", filter: filter, into: &paths)
        return paths
    }

    private func lookUpTree(_ id: ObjectID) throws -> OpaquePointer {
        var oid = id.raw
        var pointer: OpaquePointer?
        try GitError.check(git_tree_lookup(&pointer, handle, &oid), "reading tree \(id)")
        return pointer!
    }

    private func lookUpTree(_ oid: UnsafePointer<git_oid>) throws -> OpaquePointer {
        var pointer: OpaquePointer?
        try GitError.check(git_tree_lookup(&pointer, handle, oid), "reading tree \(ObjectID(oid))")
        return pointer!
    }

    /// Merges the two sorted entry lists, as git's own tree diff does.
    private func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String, filter: TreePathFilter, into paths: inout [String]) throws {
        let oldCount = old.map { git_tree_entrycount($0) } ?? 0
        let newCount = new.map { git_tree_entrycount($0) } ?? 0
        var oldIndex = 0, newIndex = 0
        while oldIndex < oldCount || newIndex < newCount {
            let oldEntry = oldIndex < oldCount ? git_tree_entry_byindex(old, oldIndex) : nil
            let newEntry = newIndex < newCount ? git_tree_entry_byindex(new, newIndex) : nil
            let order: Int32
            if let oldEntry, let newEntry { order = Self.gitOrder(oldEntry, newEntry) } else { order = oldEntry == nil ? 1 : -1 }
            if order == 0 {
                oldIndex += 1
                newIndex += 1
                guard git_oid_equal(git_tree_entry_id(oldEntry!), git_tree_entry_id(newEntry!)) == 0 else { continue }
                try report(old: oldEntry, new: newEntry, prefix: prefix, filter: filter, into: &paths)
            } else if order < 0 {
                oldIndex += 1
                try report(old: oldEntry, new: nil, prefix: prefix, filter: filter, into: &paths)
            } else {
                newIndex += 1
                try report(old: nil, new: newEntry, prefix: prefix, filter: filter, into: &paths)
            }
        }
    }

    /// One differing name: a subtree to open (when the filter wants it) or a changed path.
    private func report(old: OpaquePointer?, new: OpaquePointer?, prefix: String, filter: TreePathFilter, into paths: inout [String]) throws {
        let entry = (new ?? old)!
        let path = prefix + String(cString: git_tree_entry_name(entry))
        if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
            let directory = path + "/"
            guard filter.descends(directory) else { return }
            let oldTree = try old.map { try lookUpTree(git_tree_entry_id($0)) }
            defer { git_tree_free(oldTree) }
            let newTree = try new.map { try lookUpTree(git_tree_entry_id($0)) }
            defer { git_tree_free(newTree) }
            try compare(oldTree, newTree, prefix: directory, filter: filter, into: &paths)
        } else if filter.includes(path) {
            paths.append(path)
        }
    }

    /// git's `base_name_compare`: names compare bytewise, a tree's name as if it ended in `/`.
    /// So a file and a folder of the same name are two different entries (a type change is a
    /// removal plus an addition).
    private static func gitOrder(_ lhs: OpaquePointer, _ rhs: OpaquePointer) -> Int32 {
        let left = git_tree_entry_name(lhs)!, right = git_tree_entry_name(rhs)!
        let leftLength = strlen(left), rightLength = strlen(right)
        let common = min(leftLength, rightLength)
        let prefixOrder = memcmp(left, right, common)
        if prefixOrder != 0 { return prefixOrder }
        let leftNext: UInt8 = common < leftLength ? UInt8(bitPattern: left[common]) : (git_tree_entry_type(lhs) == GIT_OBJECT_TREE ? 0x2F : 0)
        let rightNext: UInt8 = common < rightLength ? UInt8(bitPattern: right[common]) : (git_tree_entry_type(rhs) == GIT_OBJECT_TREE ? 0x2F : 0)
        return Int32(leftNext) - Int32(rightNext)
    }
}

import CLibGit2
import Foundation

/// Which paths a tree comparison looks at. Directory paths end with `/`.
public struct TreePathFilter: Sendable {
    /// Whether anything below `directory` (e.g. `src/app/`) can be of interest; when not, the
    /// comparison does not open that subtree at all.
    public var descends: @Sendable (_ directory: String) -> Bool
    /// Whether a changed file at `path` is reported.
    public var includes: @Sendable (_ path: String) -> Bool
    /// The only names that can matter directly in `directory` ("" for the root), when the filter
    /// can tell; nil when any name can. With a short list the comparison looks those names up
    /// instead of going through every entry (a root folder may have hundreds).
    public var names: @Sendable (_ directory: String) -> [String]?

    public init(descends: @escaping @Sendable (String) -> Bool, includes: @escaping @Sendable (String) -> Bool,
                names: @escaping @Sendable (String) -> [String]? = { _ in nil }) {
        self.descends = descends
        self.includes = includes
        self.names = names
    }

    public static let everything = TreePathFilter(descends: { _ in true }, includes: { _ in true })
}

extension Repository {
    /// The paths of files (and submodules and links) that differ between two trees, in git's
    /// path order: added, removed or modified. A nil tree is empty (the parent of a root commit).
    /// For many comparisons in a row, keep one `TreeComparer`.
    public func changedPaths(from old: ObjectID?, to new: ObjectID?, filter: TreePathFilter = .everything) throws -> [String] {
        try TreeComparer(repository: self).changedPaths(from: old, to: new, filter: filter)
    }
}

/// Compares trees by entry ids, never file contents, and opens a subtree only when its id
/// differs on the two sides and the filter wants to look below it: unchanged parts of the
/// repository cost nothing.
///
/// It keeps the trees it read last: walking history, a commit's trees are its child's parent
/// trees, read again one step later. Reading a tree from a pack means resolving a delta chain,
/// which costs far more than the comparison itself.
public final class TreeComparer {
    private let repository: Repository
    private var trees: [ObjectID: OpaquePointer] = [:]
    private var order: [ObjectID] = []
    private let capacity: Int

    public init(repository: Repository, capacity: Int = 256) {
        self.repository = repository
        self.capacity = capacity
    }

    deinit {
        for tree in trees.values { git_tree_free(tree) }
    }

    public func changedPaths(from old: ObjectID?, to new: ObjectID?, filter: TreePathFilter = .everything) throws -> [String] {
        try changedEntries(from: old, to: new, filter: filter).map(\.path)
    }

    /// The changed paths with the id each has in the new tree (nil when removed).
    public func changedEntries(from old: ObjectID?, to new: ObjectID?, filter: TreePathFilter = .everything) throws -> [(path: String, id: ObjectID?)] {
        var entries: [(path: String, id: ObjectID?)] = []
        guard old != new else { return entries }
        try compare(try old.map(tree), try new.map(tree), prefix: "", filter: filter, into: &entries)
        return entries
    }

    /// A tree handle owned by the comparer; trees are only evicted between comparisons.
    private func tree(_ id: ObjectID) throws -> OpaquePointer {
        if let cached = trees[id] { return cached }
        var oid = id.raw
        var pointer: OpaquePointer?
        try GitError.check(git_tree_lookup(&pointer, repository.handle, &oid), "reading tree \(id)")
        trees[id] = pointer!
        order.append(id)
        return pointer!
    }

    /// Drops the oldest trees once over capacity; called between comparisons only, so no
    /// handle in use is freed.
    private func trim() {
        guard order.count > capacity else { return }
        for id in order.prefix(order.count - capacity / 2) {
            if let tree = trees.removeValue(forKey: id) { git_tree_free(tree) }
        }
        order.removeFirst(order.count - capacity / 2)
    }

    /// Merges the two sorted entry lists, as git's own tree diff does.
    private func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String, filter: TreePathFilter, into paths: inout [(path: String, id: ObjectID?)]) throws {
        defer { if prefix.isEmpty { trim() } }
        if let names = filter.names(prefix) {
            try compare(old, new, only: names, prefix: prefix, filter: filter, into: &paths)
            return
        }
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

    /// Looks up each of `names` on both sides, in git's order of the entries found.
    private func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, only names: [String], prefix: String, filter: TreePathFilter, into paths: inout [(path: String, id: ObjectID?)]) throws {
        var found: [(old: OpaquePointer?, new: OpaquePointer?)] = []
        for name in names {
            let oldEntry = old.flatMap { git_tree_entry_byname($0, name) }
            let newEntry = new.flatMap { git_tree_entry_byname($0, name) }
            guard newEntry != nil || oldEntry != nil else { continue }
            if let oldEntry, let newEntry {
                if git_oid_equal(git_tree_entry_id(oldEntry), git_tree_entry_id(newEntry)) != 0 { continue }
                if git_tree_entry_type(oldEntry) != git_tree_entry_type(newEntry) {
                    // A file became a folder or the reverse: a removal and an addition.
                    found.append((oldEntry, nil))
                    found.append((nil, newEntry))
                    continue
                }
            }
            found.append((oldEntry, newEntry))
        }
        found.sort { Self.gitOrder(($0.new ?? $0.old)!, ($1.new ?? $1.old)!) < 0 }
        for (oldEntry, newEntry) in found {
            try report(old: oldEntry, new: newEntry, prefix: prefix, filter: filter, into: &paths)
        }
    }

    /// One differing name: a subtree to open (when the filter wants it) or a changed path.
    private func report(old: OpaquePointer?, new: OpaquePointer?, prefix: String, filter: TreePathFilter, into paths: inout [(path: String, id: ObjectID?)]) throws {
        let entry = (new ?? old)!
        let path = prefix + String(cString: git_tree_entry_name(entry))
        if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
            let directory = path + "/"
            guard filter.descends(directory) else { return }
            let oldTree = try old.map { try tree(ObjectID(git_tree_entry_id($0))) }
            let newTree = try new.map { try tree(ObjectID(git_tree_entry_id($0))) }
            try compare(oldTree, newTree, prefix: directory, filter: filter, into: &paths)
        } else if filter.includes(path) {
            paths.append((path, new.map { ObjectID(git_tree_entry_id($0)) }))
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

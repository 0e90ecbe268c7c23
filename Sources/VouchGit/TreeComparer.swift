import Foundation

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
/// repository cost nothing. Entries are compared as bytes; only differing ones get a path.
///
/// It keeps the trees of its last comparison: walking history, a commit's trees are its
/// child's parent trees, read again one step later. Reading a tree from a pack means resolving
/// a delta chain, which costs far more than the comparison itself. A comparison reads a handful
/// of trees, so they are kept in short lists searched by id, cheaper than hashing every id.
public final class TreeComparer {
    private let repository: Repository
    /// The trees read or reused by the comparison under way, and by the one before it.
    private var current = Shelf()
    private var previous = Shelf()

    /// Trees kept by id: a short list searched in order, and past `listed` of them (a first
    /// commit, or a change touching thousands of folders, reads that many trees in one comparison)
    /// also a dictionary, so a large comparison does not search its own trees once per tree read.
    private struct Shelf {
        static let listed = 16
        private var trees: [Tree] = []
        private var byID: [ObjectID: Tree] = [:]

        func tree(_ id: ObjectID) -> Tree? {
            if let kept = trees.prefix(Self.listed).first(where: { $0.id == id }) { return kept }
            return trees.count > Self.listed ? byID[id] : nil
        }

        mutating func append(_ tree: Tree) {
            trees.append(tree)
            if trees.count == Self.listed + 1 {
                for kept in trees { byID[kept.id] = kept }
            } else if trees.count > Self.listed + 1 {
                byID[tree.id] = tree
            }
        }

        mutating func removeAll() {
            trees.removeAll(keepingCapacity: true)
            byID.removeAll()
        }
    }

    public init(repository: Repository) {
        self.repository = repository
    }

    public func changedPaths(from old: ObjectID?, to new: ObjectID?, filter: TreePathFilter = .everything) throws -> [String] {
        try changedEntries(from: old, to: new, filter: filter).map(\.path)
    }

    /// The changed paths with the id each has in the new tree (nil when removed).
    public func changedEntries(from old: ObjectID?, to new: ObjectID?, filter: TreePathFilter = .everything) throws -> [(path: String, id: ObjectID?)] {
        var entries: [(path: String, id: ObjectID?)] = []
        guard old != new else { return entries }
        defer {
            swap(&previous, &current)
            current.removeAll()
        }
        try compare(try old.map(tree), try new.map(tree), prefix: "", filter: filter, into: &entries)
        return entries
    }

    private func tree(_ id: ObjectID) throws -> Tree {
        if let kept = current.tree(id) { return kept }
        if let kept = previous.tree(id) {
            current.append(kept)
            return kept
        }
        let tree = try repository.tree(id)
        current.append(tree)
        return tree
    }

    /// Merges the two sorted entry lists, as git's own tree diff does.
    private func compare(_ old: Tree?, _ new: Tree?, prefix: String, filter: TreePathFilter, into paths: inout [(path: String, id: ObjectID?)]) throws {
        let oldSlots = old?.slots ?? [], newSlots = new?.slots ?? []
        var oldIndex = 0, newIndex = 0
        while oldIndex < oldSlots.count || newIndex < newSlots.count {
            let order: Int
            if oldIndex < oldSlots.count, newIndex < newSlots.count {
                order = old!.gitOrder(oldSlots[oldIndex], newSlots[newIndex], in: new!)
            } else {
                order = oldIndex < oldSlots.count ? -1 : 1
            }
            if order == 0 {
                defer { oldIndex += 1; newIndex += 1 }
                guard !old!.sameObject(oldSlots[oldIndex], as: newSlots[newIndex], in: new!) else { continue }
                try report(old: old.map { ($0, oldSlots[oldIndex]) }, new: new.map { ($0, newSlots[newIndex]) }, prefix: prefix, filter: filter, into: &paths)
            } else if order < 0 {
                defer { oldIndex += 1 }
                try report(old: (old!, oldSlots[oldIndex]), new: nil, prefix: prefix, filter: filter, into: &paths)
            } else {
                defer { newIndex += 1 }
                try report(old: nil, new: (new!, newSlots[newIndex]), prefix: prefix, filter: filter, into: &paths)
            }
        }
    }

    /// One differing name: a subtree to open (when the filter wants it) or a changed path.
    private func report(old: (Tree, Tree.Slot)?, new: (Tree, Tree.Slot)?, prefix: String, filter: TreePathFilter, into paths: inout [(path: String, id: ObjectID?)]) throws {
        let (tree, slot) = (new ?? old)!
        let path = prefix + tree.name(slot)
        if slot.isTree {
            let directory = path + "/"
            guard filter.descends(directory) else { return }
            let oldTree = try old.map { try self.tree($0.0.entryID($0.1)) }
            let newTree = try new.map { try self.tree($0.0.entryID($0.1)) }
            try compare(oldTree, newTree, prefix: directory, filter: filter, into: &paths)
        } else if filter.includes(path) {
            paths.append((path, new.map { $0.0.entryID($0.1) }))
        }
    }
}

/// One entry of a tree: a file, a link, a subtree or a submodule.
public struct TreeEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case blob, tree, commit, other }

    public var name: String
    public var id: ObjectID
    public var kind: Kind
    /// The git file mode (0o100644, 0o100755, 0o120000 for a symbolic link, 0o040000 for a tree).
    public var mode: UInt32

    public var isSymbolicLink: Bool { mode == 0o120000 }

    static func kind(ofMode mode: UInt32) -> Kind {
        switch mode & 0o170000 {
        case 0o040000: .tree
        case 0o160000: .commit
        case 0o100000, 0o120000: .blob
        default: .other
        }
    }
}

/// One staged file.
public struct IndexEntry: Sendable, Hashable {
    public var path: String
    public var id: ObjectID
    public var mode: UInt32
    public var size: Int

    public var isSymbolicLink: Bool { mode == 0o120000 }
}

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

/// Which paths a tree comparison looks at. Directory paths end with `/`.
///
/// Not Sendable: a filter may remember its answers (`PathPatternSet.treeFilter`), so it belongs
/// to the one comparison stage that asks it.
public struct TreePathFilter {
    /// Whether anything below `directory` (e.g. `src/app/`) can be of interest; when not, the
    /// comparison does not open that subtree at all.
    public var descends: (_ directory: String) -> Bool
    /// Whether a changed file at `path` is reported.
    public var includes: (_ path: String) -> Bool

    public init(descends: @escaping (String) -> Bool, includes: @escaping (String) -> Bool) {
        self.descends = descends
        self.includes = includes
    }

    public static var everything: TreePathFilter { TreePathFilter(descends: { _ in true }, includes: { _ in true }) }
}

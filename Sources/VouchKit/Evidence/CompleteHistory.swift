extension Repository {
    /// Refuses a shallow clone, with the fix in the terms of the CI system at hand: a partial
    /// history would present a partial population (or approval record) as complete. The one
    /// check every reader of history makes before it walks.
    public func refuseShallowClone(ci: CIEnvironment = .other) throws {
        let shallow = try shallowCommits()
        guard shallow.isEmpty else {
            throw EvidenceError.shallowClone(commonDirectory: commonDirectory.path, boundaries: shallow.count, ci: ci)
        }
    }
}

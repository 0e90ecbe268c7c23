/// A whole population in memory: for tests, for `findings`, and for small histories.
public struct ChangePopulation: Sendable {
    public var metadata: PopulationMetadata
    public var summary: PopulationSummary
    public var changes: [ChangeRecord]

    public static func read(repository: Repository, configuration: Configuration, request: EvidenceRequest) throws -> ChangePopulation {
        let walker = try PopulationWalker(repository: repository, configuration: configuration, request: request)
        var changes: [ChangeRecord] = []
        let summary = try walker.walk { record, _ in changes.append(record) }
        return ChangePopulation(metadata: walker.metadata, summary: summary, changes: changes)
    }

    /// Every exception as a finding located at `change_management` in vouch.yml, with the commit,
    /// for SARIF and JUnit reports.
    public func findings(configuration: Configuration) -> [Finding] {
        Self.findings(of: changes, location: configuration.changeManagement.location)
    }

    public static func findings(of changes: [ChangeRecord], location: SourceLocation) -> [Finding] {
        changes.flatMap { change in
            change.exceptions.map { $0.rule.finding(at: location, $0.message, commit: change.commit.description) }
        }
    }
}

/// `vouch check`: one gate for pipelines, the lint findings plus the change-management
/// exceptions of the selected changes.
public enum Check {
    /// Which changes to evaluate besides the program files; nil lints only.
    public struct Changes: Sendable {
        public var selection: EvidenceRequest.Selection
        public var branch: String?
        public var now: Timestamp

        public init(selection: EvidenceRequest.Selection, branch: String? = nil, now: Timestamp) {
            self.selection = selection
            self.branch = branch
            self.now = now
        }
    }

    public static func run(_ program: Program, in location: ProgramLocation, changes: Changes?, environment: [String: String], options: LintOptions = LintOptions()) throws -> LintReport {
        var report = Linter.lint(program, options: options)
        // An unusable vouch.yml leaves no change-management settings to trust: the lint says why.
        guard let changes, !report.configurationFailed else { return report }
        let repository = try Workspace.changeRepository(of: location)
        // Fail closed, with the fix for the CI system at hand.
        try repository.refuseShallowClone(ci: CIEnvironment.detect(environment))
        let request = EvidenceRequest(selection: changes.selection.completed(by: program.configuration), branch: changes.branch, now: changes.now, programPrefix: location.pathInRepository ?? "")
        let walker = try PopulationWalker(repository: repository, configuration: program.configuration, request: request)
        report.warnings = walker.metadata.keyProblems
        let walked = try walker.exceptions()
        report.findings = (report.findings + walked.findings).sorted()
        report.changes = walked.commits
        return report
    }
}

extension EvidenceRequest.Selection {
    /// A period's open ends taken from the report period of vouch.yml; a range as it is.
    public func completed(by configuration: Configuration) -> Self {
        guard case .period(let since, let until) = self else { return self }
        let period = configuration.period
        return .period(since: since ?? period?.start, until: until ?? period?.end)
    }
}

extension PopulationWalker {
    /// Walks the population keeping only what findings reports need: each change's id and its
    /// exceptions as findings at the `change_management` entry of vouch.yml.
    public func exceptions() throws -> (summary: PopulationSummary, commits: [String], findings: [Finding]) {
        let location = metadata.settings.location
        var commits: [String] = []
        var findings: [Finding] = []
        let summary = try walk { record, _ in
            commits.append(record.commit.description)
            findings += ChangePopulation.findings(of: [record], location: location)
        }
        return (summary, commits, findings)
    }
}

/// The result of linting a program, and of a check that adds the exceptions of git changes.
public struct LintReport: Sendable {
    public var findings: [Finding]
    public var filesChecked: Int
    /// True when `vouch.yml` itself could not be read or breaks the schema: the program's
    /// configuration is unusable, which the command line reports as a configuration error.
    public var configurationFailed: Bool
    /// The program files read, relative to the program root (JUnit lists the clean ones too).
    public var files: [String]
    /// The commits whose changes were evaluated, when a check covered a range or period.
    public var changes: [String]?
    /// What a person should know that is no finding (lines of the allowed signers left out).
    public var warnings: [String] = []

    public init(findings: [Finding], filesChecked: Int, configurationFailed: Bool = false, files: [String] = [], changes: [String]? = nil) {
        self.findings = findings
        self.filesChecked = filesChecked
        self.configurationFailed = configurationFailed
        self.files = files
        self.changes = changes
    }

    public var summary: FindingSummary { FindingSummary(findings: findings, files: filesChecked, changes: changes?.count) }

    /// Keeps only the findings in the given files or folders (relative to the program root).
    public func limited(to paths: [String]) -> LintReport {
        guard !paths.isEmpty else { return self }
        var copy = self
        copy.findings = findings.filter { finding in
            paths.contains { path in
                let folder = path.hasSuffix("/") ? path : path + "/"
                return path == "." || finding.file == path || finding.file.hasPrefix(folder)
            }
        }
        return copy
    }
}

public struct LintOptions: Sendable {
    /// The day the linter treats as today (review intervals); fixed in tests.
    public var today: CalendarDate
    public var policyHistory: [String: PolicyApprovalRecord]?
    /// The registers' evidence from git, when the program is in a repository.
    public var registers: RegisterEvidence?

    public init(today: CalendarDate = .today, policyHistory: [String: PolicyApprovalRecord]? = nil, registers: RegisterEvidence? = nil) {
        self.today = today
        self.policyHistory = policyHistory
        self.registers = registers
    }
}

/// Runs every program rule over a program read by `Program.load`.
public enum Linter {
    public static func lint(_ program: Program, options: LintOptions = LintOptions()) -> LintReport {
        let context = LintContext(program: program, today: options.today, policyHistory: options.policyHistory, registers: options.registers)
        // Rules only read the one context, so they share the cores (each takes the next rule);
        // the findings are sorted below, so the order they finish in does not show.
        let rules = RuleRegistry.programRules
        let findings = program.readFindings + WorkerThread.map(rules.count) { rules[$0].check(context) }.flatMap { $0 }
        let configurationFailed = program.readFindings.contains { $0.file == Configuration.fileName && $0.severity == .error }
        return LintReport(findings: findings.sorted(), filesChecked: program.files.count, configurationFailed: configurationFailed, files: program.files)
    }

    /// Reads and lints in one step.
    public static func lint(_ source: some ProgramFileSource, options: LintOptions = LintOptions()) throws -> LintReport {
        try lint(Program.load(from: source), options: options)
    }
}

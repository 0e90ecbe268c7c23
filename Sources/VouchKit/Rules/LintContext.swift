/// What program rules see: the program, plus indexes and dates computed once for all rules.
public struct LintContext: Sendable {
    public let program: Program
    public let today: CalendarDate
    public let policyIDs: Set<String>
    public let objectiveIDs: Set<String>
    /// Policy approvals read from git history, when the program is in a repository; nil otherwise.
    public let policyHistory: [String: PolicyApprovalRecord]?
    /// Acknowledgements, accepted risks' approvals and the mailmap, when read from git; nil otherwise.
    public let registers: RegisterEvidence?
    /// Ids of the controls, and of those implemented.
    public let controlIDs: Set<String>
    public let implementedControlIDs: Set<String>
    /// Each periodic control's expected occurrences in the Type 2 period, with their records, judged on `today`.
    public let runs: RunCalendar

    public init(program: Program, today: CalendarDate, policyHistory: [String: PolicyApprovalRecord]? = nil, registers: RegisterEvidence? = nil) {
        self.registers = registers
        self.controlIDs = Set(program.controls.map(\.id.value))
        self.implementedControlIDs = Set(program.controls.filter(\.isImplemented).map(\.id.value))
        self.program = program
        self.today = today
        self.policyIDs = Set(program.policies.map(\.id.value))
        self.objectiveIDs = Set(program.objectives.map(\.id.value))
        self.policyHistory = policyHistory
        self.runs = RunCalendar(program: program, judgedOn: today)
    }

    public var configuration: Configuration { program.configuration }

    /// Categories in scope of the SOC 2 report; empty when there is no SOC 2 report.
    public var categoriesInScope: Set<TrustServicesCategory> {
        program.configuration.soc2?.categoriesInScope ?? []
    }

    /// The day reviews are judged on: today, or the end of the last report period once it is over,
    /// so a finished period gives the same answer forever.
    public var reviewReferenceDate: CalendarDate {
        let ends = [configuration.soc2?.period?.end, configuration.soc1?.period?.end].compactMap { $0 }
        guard let lastEnd = ends.max() else { return today }
        return min(today, lastEnd)
    }
}

import Foundation

/// Which attestation report a system description is written for.
public enum ExportReport: String, Sendable, CaseIterable, Codable {
    case soc2, soc1

    public var title: String {
        switch self {
        case .soc2: "SOC 2"
        case .soc1: "SOC 1"
        }
    }
}

/// The content of a system description, independent of how it is written out: HTML, Markdown
/// and JSON are three renderings of this one value.
public struct SystemDescription: Sendable {
    public var report: ExportReport
    public var reportType: Int?
    public var period: ReportPeriod?
    public var organization: String?
    public var system: String?
    public var origin: ExportOrigin
    /// SOC 2 categories in scope, in catalog order; empty for SOC 1.
    public var categoriesInScope: [TrustServicesCategory]
    /// The narrative sections, in the order the report's description criteria give.
    public var narratives: [NarrativeSection]
    /// SOC 2: every criterion (with status); SOC 1: every control objective.
    public var matrix: CoverageMatrix
    /// The controls the description presents, by id.
    public var controls: [ControlEntry]
    /// SOC 1 control objectives with their narratives.
    public var objectives: [ObjectiveEntry]
    public var userEntityControls: [UserEntityControlEntry]
    public var subserviceOrganizations: [SubserviceEntry]
    /// SOC 2 criteria excluded in `vouch.yml`, with reasons (DC8).
    public var exclusions: [ExclusionEntry]
    public var policies: [PolicyEntry]
    /// Whether the policies' approval history was collected from git.
    public var policyApprovalsCollected: Bool
    public var changes: ChangeSummary?
    /// Why the evidence from git history is not available, when it is not.
    public var evidenceProblem: String?
    /// The vendor and risk registers and the roster; nil when the program keeps none of them.
    public var registers: RegisterSummary?
    /// The periodic controls' occurrences, samples and artefacts; nil without a Type 2 period.
    public var runs: RunPopulation?

    /// The report's name as a title page gives it: "SOC 2 Type 2".
    public var reportTitle: String {
        reportType.map { "\(report.title) Type \($0)" } ?? report.title
    }
}

/// A section of the description written in a `system/*.md` file; `markdown` is nil when no file
/// provides it, which the renderings show as missing.
public struct NarrativeSection: Sendable {
    public var kind: SystemSectionKind
    public var title: String
    public var files: [String]
    public var markdown: String?
}

public struct ControlEntry: Sendable {
    public var id: String
    public var title: String
    public var file: String
    public var owner: String?
    public var frequency: String?
    public var kind: String?
    public var automation: String?
    public var status: String?
    public var criteria: [String]
    public var objectives: [String]
    public var policies: [String]
    public var evidence: [String]
    public var narrative: String
}

public struct ObjectiveEntry: Sendable {
    public var id: String
    public var title: String
    public var file: String
    public var narrative: String
}

public struct UserEntityControlEntry: Sendable {
    public var id: String
    public var text: String
    public var criteria: [String]
}

public struct SubserviceEntry: Sendable {
    public var name: String
    public var services: String?
    public var method: String?
    public var controls: [SubserviceControlEntry]
}

public struct SubserviceControlEntry: Sendable {
    public var text: String
    public var criteria: [String]
}

public struct ExclusionEntry: Sendable {
    public var criterion: String
    public var topic: String
    public var reason: String
}

public struct PolicyEntry: Sendable {
    public var id: String
    public var title: String
    public var file: String
    public var owner: String?
    public var version: String?
    public var effective: String?
    public var approvers: [String]
    /// The latest change to the policy's file approved by one of its approvers; nil when none
    /// was, or history was not collected.
    public var lastApproval: PolicyChangeEntry?
    /// The latest change to the file, when it is later than the last approved one (not yet approved).
    public var unapprovedChange: PolicyChangeEntry?
}

public struct PolicyChangeEntry: Sendable {
    public var date: String
    public var commit: String
    /// The policy's approvers who approved the change (empty for an unapproved change).
    public var approvers: [String]
}

/// The change-management summary of the period, from the change population.
public struct ChangeSummary: Sendable {
    public var population: Int
    /// The commit the history was read from, and the days or range it covers.
    public var tip: String?
    public var selection: String
    /// `sha256:` digest of the population's records (see `RecordDigest`).
    public var digest: String
    public var mechanisms: [(mechanism: String, count: Int)]
    /// Every exception of warning or error severity, newest change first.
    public var exceptions: [ChangeExceptionEntry]
    /// Changes flagged for attention only (note severity).
    public var flagged: Int
}

public struct ChangeExceptionEntry: Sendable {
    public var commit: String
    public var date: String
    public var author: String
    public var subject: String
    public var rule: String
    public var severity: String
    public var message: String
}

extension SystemDescription {
    /// Builds the description of `report` from an export's input.
    public init(_ input: ExportInput, report: ExportReport) {
        let program = input.program
        let configuration = program.configuration
        self.report = report
        switch report {
        case .soc2:
            reportType = configuration.soc2?.type
            period = configuration.soc2?.period
            categoriesInScope = TrustServicesCategory.allCases.filter { configuration.soc2?.categoriesInScope.contains($0) ?? false }
            matrix = CoverageMatrix.soc2(program)
        case .soc1:
            reportType = configuration.soc1?.type
            period = configuration.soc1?.period
            categoriesInScope = []
            matrix = CoverageMatrix.soc1(program)
        }
        organization = configuration.organization?.value
        system = configuration.system?.value
        origin = input.origin
        narratives = Self.narratives(program, kinds: Self.narrativeKinds(report))

        let controls = program.controls.sorted { $0.id.value < $1.id.value }
        let presented = report == .soc2 ? controls : controls.filter { !$0.objectives.isEmpty }
        self.controls = presented.map(ControlEntry.init)
        objectives = program.objectives.sorted { $0.id.value < $1.id.value }.map {
            ObjectiveEntry(id: $0.id.value, title: $0.title?.value ?? "", file: $0.file, narrative: $0.narrative.value)
        }
        let sections = program.systemSections.sorted { $0.file < $1.file }
        userEntityControls = sections.flatMap(\.userEntityControls).map {
            UserEntityControlEntry(id: $0.id.value, text: $0.text.value, criteria: $0.criteria.map(\.value.description))
        }
        subserviceOrganizations = sections.flatMap(\.subserviceOrganizations).map { organization in
            SubserviceEntry(
                name: organization.name.value, services: organization.services?.value, method: organization.method?.value.rawValue,
                controls: organization.controls.map { SubserviceControlEntry(text: $0.text.value, criteria: $0.criteria.map(\.value.description)) })
        }
        exclusions = report == .soc1 ? [] : (configuration.soc2?.exclusions ?? []).map { exclusion in
            ExclusionEntry(
                criterion: exclusion.criterion.value,
                topic: program.soc2Catalog.entry(exclusion.criterion.value)?.topic ?? "",
                reason: exclusion.reason?.value ?? "")
        }.sorted { $0.criterion < $1.criterion }
        policyApprovalsCollected = input.policyApprovals != nil
        policies = program.policies.sorted { $0.id.value < $1.id.value }.map { policy in
            let history = input.policyApprovals?[policy.id.value]
            let unapproved = history.flatMap { $0.lastApprovedChange?.commit == $0.lastChange.commit ? nil : $0.lastChange }
            return PolicyEntry(
                id: policy.id.value, title: policy.title?.value ?? "", file: policy.file, owner: policy.owner?.value,
                version: policy.version?.value, effective: policy.effective?.value.description,
                approvers: policy.approvers.map(\.value.description),
                lastApproval: history?.lastApprovedChange.map(PolicyChangeEntry.init),
                unapprovedChange: unapproved.map(PolicyChangeEntry.init))
        }
        changes = input.changes.map(ChangeSummary.init)
        evidenceProblem = input.evidenceProblem
        let registers = RegisterSummary(program: program, period: period, policyApprovals: input.policyApprovals, acknowledgements: input.acknowledgements, includePeople: input.includePeople)
        self.registers = registers.isEmpty ? nil : registers
        runs = RunPopulation(program: program, judgedOn: input.runsJudgingDay)
    }

    /// SOC 2 follows DC1–DC9; SOC 1 describes the services and the transaction flow, the
    /// components, the control environment and changes.
    static func narrativeKinds(_ report: ExportReport) -> [SystemSectionKind] {
        switch report {
        case .soc2: SystemSectionKind.allCases
        case .soc1: [.services, .components, .controlEnvironment, .cuecs, .subserviceOrganizations, .changes]
        }
    }

    private static func narratives(_ program: Program, kinds: [SystemSectionKind]) -> [NarrativeSection] {
        kinds.map { kind in
            let sections = program.systemSections.filter { $0.kind.value == kind }.sorted { $0.file < $1.file }
            guard !sections.isEmpty else { return NarrativeSection(kind: kind, title: kind.title, files: [], markdown: nil) }
            // Several files (the control environment is often split) follow one another.
            let markdown = sections.map { $0.body.value.trimmedLines }.joined(separator: "\n\n")
            let title = sections.count == 1 ? (sections[0].title?.value ?? kind.title) : kind.title
            return NarrativeSection(kind: kind, title: title, files: sections.map(\.file), markdown: markdown)
        }
    }
}

extension PolicyChangeEntry {
    init(_ change: PolicyChange) {
        self.init(date: change.date.description, commit: change.commit, approvers: change.approvedBy.map(\.description))
    }
}

extension ChangeSummary {
    init(_ population: ChangePopulation) {
        let summary = population.summary
        self.population = summary.count
        tip = population.metadata.tip?.description
        switch population.metadata.selection {
        case .period(let since, let until): selection = "\(since?.description ?? "the first commit") to \(until?.description ?? "the tip")"
        case .range(let text): selection = text
        }
        digest = summary.digest
        mechanisms = summary.byMechanism.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, $0.value) }
        exceptions = population.changes.flatMap { change in
            change.exceptions.filter { $0.rule.severity > .note }.map { exception in
                ChangeExceptionEntry(
                    commit: change.commit.description, date: change.landedAt.utcDate.description, author: change.author.identity.description,
                    subject: change.subject, rule: exception.rule.identifier, severity: exception.rule.severity.rawValue, message: exception.message)
            }
        }
        flagged = summary.changesFlagged
    }
}

extension ControlEntry {
    init(_ control: Control) {
        self.init(
            id: control.id.value, title: control.title?.value ?? "", file: control.file,
            owner: control.owner?.value, frequency: control.frequency?.value.rawValue, kind: control.kind?.value.rawValue,
            automation: control.automation?.value.rawValue, status: control.status?.value.rawValue,
            criteria: control.criteria.map(\.value.description), objectives: control.objectives.map(\.value),
            policies: control.policies.map(\.value), evidence: control.evidence.map(\.value.description),
            narrative: control.narrative.value.trimmedLines)
    }
}

extension String {
    /// Without leading and trailing blank lines and spaces; Foundation's trimming is slow on
    /// Linux, and exports trim thousands of bodies.
    var trimmedLines: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !Self.isBlank($0) }), let last = utf8.lastIndex(where: { !Self.isBlank($0) }) else { return "" }
        return String(self[first...last])
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

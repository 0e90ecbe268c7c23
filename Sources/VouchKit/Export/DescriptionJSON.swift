/// `system-description.json`: the system description as structured data (shape documented in
/// docs/export.md). Markdown bodies are given as written, for the reader to render.
enum DescriptionJSONRenderer {
    static let format = "vouch-system-description/1"

    static func render(_ description: SystemDescription) -> String {
        var members: [(String, JSONValue)] = [
            ("format", .string(format)),
            ("report", report(description)),
            ("organization", .optional(description.organization)),
            ("system", .optional(description.system)),
            ("source", origin(description.origin)),
            ("sections", .array(description.narratives.map(section))),
        ]
        switch description.report {
        case .soc2:
            members.append(("criteria", .array(description.matrix.rows.map(matrixRow))))
            members.append(("exclusions", .array(description.exclusions.map { exclusion in
                .object([("criterion", .string(exclusion.criterion)), ("topic", .string(exclusion.topic)), ("reason", .string(exclusion.reason))])
            })))
        case .soc1:
            members.append(("objectives", .array(description.matrix.rows.map(matrixRow))))
            members.append(("objectiveNarratives", .array(description.objectives.map { objective in
                .object([("id", .string(objective.id)), ("title", .string(objective.title)), ("file", .string(objective.file)), ("markdown", .string(objective.narrative))])
            })))
        }
        members += [
            ("controls", .array(description.controls.map(control))),
            ("userEntityControls", .array(description.userEntityControls.map { cuec in
                .object([("id", .string(cuec.id)), ("text", .string(cuec.text)), ("criteria", strings(cuec.criteria))])
            })),
            ("subserviceOrganizations", .array(description.subserviceOrganizations.map { organization in
                .object([
                    ("name", .string(organization.name)),
                    ("services", .optional(organization.services)),
                    ("method", .optional(organization.method)),
                    ("controls", .array(organization.controls.map { .object([("text", .string($0.text)), ("criteria", strings($0.criteria))]) })),
                ])
            })),
            ("policies", policies(description)),
            ("changeManagement", changeManagement(description)),
        ]
        if let registers = description.registers { members.append(("registers", RegisterJSON.render(registers))) }
        if let runs = description.runs { members.append(("runs", RunsJSON.render(runs))) }
        return JSONValue.object(members).serialized() + "\n"
    }

    static func report(_ description: SystemDescription) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string(description.report.rawValue)),
            ("type", description.reportType.map(JSONValue.int) ?? .null),
            ("period", period(description.period)),
        ]
        if description.report == .soc2 { members.append(("categories", strings(description.categoriesInScope.map(\.rawValue)))) }
        return .object(members)
    }

    static func period(_ period: ReportPeriod?) -> JSONValue {
        guard let period else { return .null }
        return .object([("start", .string(period.start.description)), ("end", .string(period.end.description))])
    }

    static func origin(_ origin: ExportOrigin) -> JSONValue {
        .object([
            ("repository", .string(origin.repository)),
            ("branch", .optional(origin.branch)),
            ("commit", .string(origin.commit.description)),
            ("committed", .string(origin.commitTimestampUTC)),
            ("programPath", .string(origin.programPath)),
        ])
    }

    private static func section(_ section: NarrativeSection) -> JSONValue {
        .object([
            ("kind", .string(section.kind.rawValue)),
            ("criterion", .string(section.kind.descriptionCriterion)),
            ("title", .string(section.title)),
            ("status", .string(section.markdown == nil ? "missing" : "present")),
            ("files", strings(section.files)),
            ("markdown", .optional(section.markdown)),
        ])
    }

    private static func matrixRow(_ row: CoverageRow) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(row.id))]
        if let category = row.category { members.append(("category", .string(category))) }
        members += [
            ("topic", .string(row.topic)),
            ("status", .string(row.status.rawValue)),
            ("controls", strings(row.controls.map(\.id))),
        ]
        if let reason = row.reason { members.append(("reason", .string(reason))) }
        return .object(members)
    }

    private static func control(_ control: ControlEntry) -> JSONValue {
        .object([
            ("id", .string(control.id)),
            ("title", .string(control.title)),
            ("file", .string(control.file)),
            ("owner", .optional(control.owner)),
            ("frequency", .optional(control.frequency)),
            ("kind", .optional(control.kind)),
            ("automation", .optional(control.automation)),
            ("status", .optional(control.status)),
            ("criteria", strings(control.criteria)),
            ("objectives", strings(control.objectives)),
            ("policies", strings(control.policies)),
            ("evidence", strings(control.evidence)),
            ("markdown", .string(control.narrative)),
        ])
    }

    private static func policies(_ description: SystemDescription) -> JSONValue {
        .object([
            ("approvalHistory", .string(description.policyApprovalsCollected ? "collected" : "not-available")),
            ("entries", .array(description.policies.map { policy in
                .object([
                    ("id", .string(policy.id)),
                    ("title", .string(policy.title)),
                    ("file", .string(policy.file)),
                    ("owner", .optional(policy.owner)),
                    ("version", .optional(policy.version)),
                    ("effective", .optional(policy.effective)),
                    ("approvers", strings(policy.approvers)),
                    ("lastApproval", policy.lastApproval.map(change) ?? .null),
                    ("unapprovedChange", policy.unapprovedChange.map(change) ?? .null),
                ])
            })),
        ])
    }

    private static func change(_ change: PolicyChangeEntry) -> JSONValue {
        .object([("date", .string(change.date)), ("commit", .string(change.commit)), ("approvers", strings(change.approvers))])
    }

    private static func changeManagement(_ description: SystemDescription) -> JSONValue {
        guard let changes = description.changes else {
            return .object([("status", .string("not-available")), ("reason", .optional(description.evidenceProblem))])
        }
        return .object([
            ("status", .string("collected")),
            ("population", .int(changes.population)),
            ("period", .string(changes.selection)),
            ("tip", .optional(changes.tip)),
            ("digest", .string(changes.digest)),
            ("mechanisms", .array(changes.mechanisms.map { .object([("mechanism", .string($0.mechanism)), ("count", .int($0.count))]) })),
            ("exceptions", .array(changes.exceptions.map { exception in
                .object([
                    ("commit", .string(exception.commit)), ("date", .string(exception.date)), ("author", .string(exception.author)),
                    ("subject", .string(exception.subject)), ("rule", .string(exception.rule)), ("severity", .string(exception.severity)),
                    ("message", .string(exception.message)),
                ])
            })),
            ("flagged", .int(changes.flagged)),
            ("files", strings(["evidence/changes.json", "evidence/changes.csv"])),
        ])
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

/// How well a criterion or objective is met by the program's controls.
public enum CoverageStatus: String, Sendable, Codable, CaseIterable {
    /// At least one implemented control.
    case covered
    /// Only planned controls.
    case planned
    /// No implemented or planned control.
    case uncovered
    /// Listed under `excluded` in `vouch.yml`, with the reason the description gives.
    case excluded
    /// Its category is not in the report's scope.
    case outOfScope = "out-of-scope"
}

/// A control as it appears in a coverage row.
public struct CoveringControl: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var status: ControlStatus?
    public var file: String
}

/// One row of the coverage matrix.
public struct CoverageRow: Sendable {
    public var id: String
    public var category: String?
    public var topic: String
    public var status: CoverageStatus
    public var controls: [CoveringControl]
    /// The exclusion reason, for excluded criteria.
    public var reason: String?
    /// Risks of the register treated by a control of this row, and vendors whose complementary
    /// controls support this criterion (SOC 2 only).
    public var risks: [String] = []
    public var vendors: [String] = []
}

/// The criteria × controls matrix of one report or framework.
public struct CoverageMatrix: Sendable {
    public var title: String
    public var rows: [CoverageRow]

    public func count(_ status: CoverageStatus) -> Int { rows.count { $0.status == status } }

    /// SOC 2: every criterion, with scope and exclusions from `vouch.yml`.
    public static func soc2(_ program: Program) -> CoverageMatrix {
        let report = program.configuration.soc2
        let inScope = report?.categoriesInScope ?? []
        let reasons = Dictionary((report?.exclusions ?? []).map { ($0.criterion.value, $0.reason?.value ?? "") }, uniquingKeysWith: { first, _ in first })
        let covering = controlsByReference(program, framework: CriterionReference.soc2Key)
        let rows = program.soc2Catalog.entries.map { entry -> CoverageRow in
            let controls = covering[entry.id] ?? []
            let category = entry.category.flatMap(TrustServicesCategory.init(rawValue:))
            let status: CoverageStatus
            if let category, !inScope.contains(category) {
                status = .outOfScope
            } else if reasons[entry.id] != nil {
                status = .excluded
            } else {
                status = coverageStatus(of: controls)
            }
            var row = CoverageRow(id: entry.id, category: entry.category, topic: entry.topic, status: status, controls: controls, reason: reasons[entry.id])
            let controlIDs = Set(controls.map(\.id))
            row.risks = program.risks.filter { $0.controls.contains { controlIDs.contains($0.value) } }.map(\.id.value)
            row.vendors = program.vendors.filter { $0.csocs.contains { $0.criteria.contains { $0.value.framework == CriterionReference.soc2Key && $0.value.id == entry.id } } }.map(\.id.value)
            return row
        }
        return CoverageMatrix(title: SOC2Catalog.catalog.name, rows: rows)
    }

    /// SOC 1: every control objective of the program.
    public static func soc1(_ program: Program) -> CoverageMatrix {
        var covering: [String: [CoveringControl]] = [:]
        for control in program.controls {
            for objective in control.objectives { covering[objective.value, default: []].append(summary(control)) }
        }
        let rows = program.objectives.sorted { $0.id.value < $1.id.value }.map { objective in
            let controls = covering[objective.id.value] ?? []
            return CoverageRow(id: objective.id.value, category: nil, topic: objective.title?.value ?? "", status: coverageStatus(of: controls), controls: controls, reason: nil)
        }
        return CoverageMatrix(title: "SOC 1 control objectives", rows: rows)
    }

    /// A custom framework from `frameworks/<key>.yml`; all of its requirements are in scope.
    public static func framework(_ key: String, in program: Program) -> CoverageMatrix? {
        guard let catalog = program.catalogs[key] else { return nil }
        if key == CriterionReference.soc2Key { return soc2(program) }
        let covering = controlsByReference(program, framework: key)
        let rows = catalog.entries.map { entry in
            let controls = covering[entry.id] ?? []
            return CoverageRow(id: entry.id, category: entry.category, topic: entry.topic, status: coverageStatus(of: controls), controls: controls, reason: nil)
        }
        return CoverageMatrix(title: catalog.name, rows: rows)
    }

    private static func coverageStatus(of controls: [CoveringControl]) -> CoverageStatus {
        if controls.contains(where: { $0.status == .implemented }) { return .covered }
        if controls.contains(where: { $0.status == .planned }) { return .planned }
        return .uncovered
    }

    private static func summary(_ control: Control) -> CoveringControl {
        CoveringControl(id: control.id.value, title: control.title?.value ?? "", status: control.status?.value, file: control.file)
    }

    private static func controlsByReference(_ program: Program, framework: String) -> [String: [CoveringControl]] {
        var covering: [String: [CoveringControl]] = [:]
        for control in program.controls.sorted(by: { $0.id.value < $1.id.value }) {
            var seen: Set<String> = []
            for reference in control.criteria where reference.value.framework == framework && seen.insert(reference.value.id).inserted {
                covering[reference.value.id, default: []].append(summary(control))
            }
        }
        return covering
    }
}

import Foundation

/// The OSCAL 1.2.1 documents of an export: a System Security Plan, and the small catalog and
/// profile of the report's requirement ids it imports (ids and Vouch's own short topics only).
///
/// Every UUID is name-based (version 5), so the same program gives the same ids: components,
/// requirements and responsibilities keep theirs across commits, while the documents' own ids
/// include what makes the revision (the commit, or Vouch's version for the catalog).
enum OSCALRenderer {
    static let version = "1.2.1"
    /// The namespace of Vouch's own OSCAL properties.
    static let propertyNamespace = "urn:vouch:oscal"
    static let namespace = NameBasedUUID(namespace: .urlNamespace, name: "urn:vouch:oscal")

    static func uuid(_ name: String) -> String { NameBasedUUID(namespace: namespace, name: name).description }

    static func catalogFile(_ report: ExportReport) -> String { "\(report.rawValue)-catalog.json" }
    static func profileFile(_ report: ExportReport) -> String { "\(report.rawValue)-profile.json" }

    /// OSCAL "string" values are one trimmed, non-empty line.
    static func oneLine(_ text: String, fallback: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? fallback : words.joined(separator: " ")
    }

    static func metadata(title: String, lastModified: String, version: String, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([
            ("title", .string(oneLine(title, fallback: "Untitled"))),
            ("last-modified", .string(lastModified)),
            ("version", .string(version)),
            ("oscal-version", .string(Self.version)),
        ] + extra)
    }

    static func property(_ name: String, _ value: String) -> JSONValue {
        .object([("name", .string(name)), ("ns", .string(propertyNamespace)), ("value", .string(oneLine(value, fallback: "none")))])
    }

    // MARK: Catalog and profile

    /// The catalog of every requirement of the report: SOC 2 criteria grouped by category, or
    /// the program's SOC 1 control objectives.
    static func catalog(_ description: SystemDescription, toolVersion: String) -> String {
        let report = description.report
        var groups: [(id: String, title: String, rows: [CoverageRow])] = []
        for row in description.matrix.rows {
            let groupID = row.category ?? "objectives"
            if groups.last?.id != groupID {
                let title = row.category.flatMap(TrustServicesCategory.init(rawValue:))?.title ?? "Control objectives"
                groups.append((groupID, title, []))
            }
            groups[groups.count - 1].rows.append(row)
        }
        let name = report == .soc2 ? SOC2Catalog.catalog.name : "SOC 1 control objectives of \(description.organization ?? "the service organization")"
        // SOC 1 objectives are the program's own, so the catalog changes with the commit.
        let revision = report == .soc2 ? toolVersion : description.origin.commit.description
        let document: JSONValue = .object([
            ("catalog", .object([
                ("uuid", .string(uuid("catalog/\(report.rawValue)/\(revision)"))),
                ("metadata", metadata(title: name, lastModified: description.origin.commitTimestampUTC, version: revision, extra: [
                    ("remarks", .string("Requirement ids with short topics in Vouch's own words; the authoritative text is the AICPA's (SOC 2) or the service organization's (SOC 1).")),
                ])),
                ("groups", .array(groups.map { group in
                    .object([
                        ("id", .string(group.id)),
                        ("class", .string(report == .soc2 ? "category" : "objectives")),
                        ("title", .string(group.title)),
                        ("controls", .array(group.rows.map { row in
                            .object([("id", .string(row.id)), ("class", .string(report == .soc2 ? "criterion" : "objective")), ("title", .string(oneLine(row.topic, fallback: row.id)))])
                        })),
                    ])
                })),
            ])),
        ])
        return document.serialized() + "\n"
    }

    /// The requirements that apply to the system: in-scope categories (SOC 2) or every objective.
    static func applicableRows(_ description: SystemDescription) -> [CoverageRow] {
        description.matrix.rows.filter { $0.status != .outOfScope }
    }

    static func profile(_ description: SystemDescription, toolVersion: String) -> String {
        let report = description.report
        let document: JSONValue = .object([
            ("profile", .object([
                ("uuid", .string(uuid("profile/\(report.rawValue)/\(description.origin.commit)"))),
                ("metadata", metadata(title: "\(description.reportTitle) requirements applicable to \(description.system ?? "the system")", lastModified: description.origin.commitTimestampUTC, version: description.origin.commit.description)),
                ("imports", .array([.object([
                    ("href", .string(catalogFile(report))),
                    ("include-controls", .array([.object([("with-ids", .array(applicableRows(description).map { .string($0.id) }))])])),
                ])])),
                ("merge", .object([("as-is", .bool(true))])),
            ])),
        ])
        return document.serialized() + "\n"
    }

    // MARK: System Security Plan

    static func systemSecurityPlan(_ description: SystemDescription, toolVersion: String) -> String {
        let origin = description.origin
        let systemName = oneLine(description.system ?? "", fallback: "Unnamed system")
        let thisSystem = uuid("component/this-system/\(systemName)")
        let owners = Array(Set(description.controls.compactMap(\.owner))).sorted()
        let controls = Dictionary(description.controls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var roles: [JSONValue] = [
            .object([("id", .string("user-entity")), ("title", .string("User entity")),
                     ("description", .string("A customer of the service organization, responsible for the complementary user entity controls."))]),
        ]
        roles += owners.map { .object([("id", .string(roleID($0))), ("title", .string(oneLine($0, fallback: "Owner")))]) }
        var metadataExtra: [(String, JSONValue)] = [("roles", .array(roles))]
        if let organization = description.organization {
            metadataExtra.append(("parties", .array([.object([
                ("uuid", .string(uuid("party/\(organization)"))),
                ("type", .string("organization")),
                ("name", .string(oneLine(organization, fallback: "Service organization"))),
            ])])))
        }
        var metadataProperties = [property("report", description.reportTitle), property("commit", origin.commit.description)]
        if let branch = origin.branch { metadataProperties.append(property("branch", branch)) }
        if let period = description.period {
            metadataProperties += [property("period-start", period.start.description), property("period-end", period.end.description)]
        }
        metadataExtra.append(("props", .array(metadataProperties)))

        let services = description.narratives.first { $0.kind == .services }?.markdown
        let components = description.narratives.first { $0.kind == .components }?.markdown
        let notProvided = "Not provided: the program has no system/ file for this section."
        let document: JSONValue = .object([
            ("system-security-plan", .object([
                ("uuid", .string(uuid("ssp/\(description.report.rawValue)/\(origin.repository)/\(origin.programPath)/\(origin.commit)"))),
                ("metadata", metadata(
                    title: "System Security Plan: \(systemName) (\(description.reportTitle))",
                    lastModified: origin.commitTimestampUTC, version: origin.commit.description, extra: metadataExtra)),
                ("import-profile", .object([("href", .string(profileFile(description.report)))])),
                ("system-characteristics", .object([
                    ("system-ids", .array([.object([
                        ("identifier-type", .string("https://ietf.org/rfc/rfc4122")),
                        ("id", .string(uuid("system/\(systemName)"))),
                    ])])),
                    ("system-name", .string(systemName)),
                    ("description", .string(services ?? notProvided)),
                    ("system-information", .object([("information-types", .array([.object([
                        ("title", .string("Information processed by \(systemName)")),
                        ("description", .string("The data the system stores and processes, as the components section of the system description sets out.")),
                    ])]))])),
                    ("status", .object([("state", .string("operational"))])),
                    ("authorization-boundary", .object([("description", .string(components ?? notProvided))])),
                ])),
                ("system-implementation", .object([
                    ("components", .array(componentList(description, thisSystem: thisSystem, systemName: systemName, services: services))),
                ])),
                ("control-implementation", .object([
                    ("description", .string("How the controls of \(systemName) address the \(description.reportTitle) requirements, from the program at commit \(origin.commit).")),
                    ("implemented-requirements", .array(applicableRows(description).map { requirement($0, description: description, controls: controls, thisSystem: thisSystem) })),
                ])),
            ])),
        ])
        return document.serialized() + "\n"
    }

    static func roleID(_ owner: String) -> String { Anchor.make("owner", owner) }

    static func subserviceComponentID(_ name: String) -> String { uuid("component/subservice/\(name)") }

    private static func componentList(_ description: SystemDescription, thisSystem: String, systemName: String, services: String?) -> [JSONValue] {
        var list: [JSONValue] = [.object([
            ("uuid", .string(thisSystem)),
            ("type", .string("this-system")),
            ("title", .string(systemName)),
            ("description", .string(services ?? "The system described in the system description.")),
            ("status", .object([("state", .string("operational"))])),
        ])]
        for organization in description.subserviceOrganizations {
            var members: [(String, JSONValue)] = [
                ("uuid", .string(subserviceComponentID(organization.name))),
                ("type", .string("service")),
                ("title", .string(oneLine(organization.name, fallback: "Subservice organization"))),
                ("description", .string(organization.services ?? "A subservice organization of the service organization.")),
            ]
            var properties = [property("subservice-organization", "true")]
            if let method = organization.method { properties.append(property("method", method)) }
            members.append(("props", .array(properties)))
            members.append(("status", .object([("state", .string("operational"))])))
            list.append(.object(members))
        }
        return list
    }

    private static func requirement(_ row: CoverageRow, description: SystemDescription, controls byID: [String: ControlEntry], thisSystem: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("uuid", .string(uuid("requirement/\(row.id)"))),
            ("control-id", .string(row.id)),
        ]
        var byComponents: [JSONValue] = []
        if row.status == .excluded {
            byComponents.append(.object([
                ("component-uuid", .string(thisSystem)),
                ("uuid", .string(uuid("by-component/\(row.id)/excluded"))),
                ("description", .string(row.reason.map { $0.isEmpty ? "Excluded; no reason given." : $0 } ?? "Excluded.")),
                ("implementation-status", .object([("state", .string("not-applicable"))])),
            ]))
        }
        for covering in row.controls {
            let control = byID[covering.id]
            var component: [(String, JSONValue)] = [
                ("component-uuid", .string(thisSystem)),
                ("uuid", .string(uuid("by-component/\(row.id)/\(covering.id)"))),
                ("description", .string("**\(covering.id): \(covering.title)**\n\n\(control?.narrative ?? "")")),
            ]
            var properties = [property("control-id", covering.id)]
            for (name, value) in [("frequency", control?.frequency), ("kind", control?.kind), ("automation", control?.automation)] {
                if let value { properties.append(property(name, value)) }
            }
            component.append(("props", .array(properties)))
            let state: String
            switch covering.status {
            case .implemented?: state = "implemented"
            case .planned?: state = "planned"
            case .notApplicable?: state = "not-applicable"
            case nil: state = "other"
            }
            component.append(("implementation-status", .object([("state", .string(state))])))
            if let owner = control?.owner { component.append(("responsible-roles", .array([.object([("role-id", .string(roleID(owner)))])]))) }
            byComponents.append(.object(component))
        }
        let cuecs = description.userEntityControls.filter { $0.criteria.contains(row.id) }
        if !cuecs.isEmpty {
            byComponents.append(.object([
                ("component-uuid", .string(thisSystem)),
                ("uuid", .string(uuid("by-component/\(row.id)/user-entities"))),
                ("description", .string("Complementary user entity controls: what the system relies on user entities to do for this requirement.")),
                ("export", .object([("responsibilities", .array(cuecs.map { cuec in
                    .object([
                        ("uuid", .string(uuid("responsibility/\(cuec.id)/\(row.id)"))),
                        ("description", .string("\(cuec.id): \(cuec.text)")),
                        ("props", .array([property("cuec-id", cuec.id)])),
                        ("responsible-roles", .array([.object([("role-id", .string("user-entity"))])])),
                    ])
                }))])),
            ]))
        }
        for organization in description.subserviceOrganizations {
            for (index, csoc) in organization.controls.enumerated() where csoc.criteria.contains(row.id) {
                byComponents.append(.object([
                    ("component-uuid", .string(subserviceComponentID(organization.name))),
                    ("uuid", .string(uuid("by-component/\(row.id)/subservice/\(organization.name)/\(index)"))),
                    ("description", .string(csoc.text)),
                    ("props", .array([property("responsibility", "complementary-subservice-organization-control")])),
                ]))
            }
        }
        if byComponents.isEmpty {
            members.append(("remarks", .string("No control in the program addresses this requirement.")))
        } else {
            members.append(("by-components", .array(byComponents)))
        }
        return .object(members)
    }
}

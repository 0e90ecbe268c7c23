import Yams

/// Reads one Markdown program document (control, policy, objective, system section) into its model.
enum DocumentDecoder {
    static let controlKeys = ["id", "title", "criteria", "objectives", "policies", "owner", "frequency", "kind", "automation", "status", "evidence", "runs"]
    static let policyKeys = ["id", "title", "owner", "approvers", "version", "effective", "review_interval_days", "criteria"]
    static let objectiveKeys = ["id", "title"]
    static let systemKeys = ["section", "title", "cuecs", "subservice_organizations"]

    /// A decoded document: at most one model value, and the findings met on the way.
    enum Document: Sendable {
        case control(Control)
        case policy(Policy)
        case objective(Objective)
        case systemSection(SystemSection)
        case vendor(Vendor)
        case risk(Risk)
        case run(RunRecord)
    }

    /// The front matter's fields, ready to read, and the body; nil after a finding if unreadable.
    static func open(_ text: String, path: String, subject: String, allowedKeys: [String], collector: FindingCollector) -> (FieldReader, Located<String>)? {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case .failure(let error):
            collector.add(error.finding)
            return nil
        case .success(let split): frontMatter = split
        }
        let parser = YAMLParser(path: path, firstLine: frontMatter.yamlFirstLine)
        let root: Node
        switch parser.parse(frontMatter.yaml) {
        case .failure(let error):
            collector.add(error.finding)
            return nil
        case .success(nil):
            collector.add(FrontMatterNotMappingRule.finding(at: SourceLocation(file: path), "front matter is empty; add the \(subject) fields (\(allowedKeys.prefix(3).joined(separator: ", ")), …)"))
            return nil
        case .success(let node?): root = node
        }
        guard case .mapping = root else {
            collector.add(FrontMatterNotMappingRule.finding(at: parser.location(of: root), "front matter must be a mapping of 'key: value' fields, found \(root.kindDescription)"))
            return nil
        }
        let reader = FieldReader(root, parser: parser, subject: subject, allowedKeys: allowedKeys, collector: collector, location: SourceLocation(file: path))!
        reader.reportUnknownKeys()
        let body = Located(frontMatter.body, at: SourceLocation(file: path, line: frontMatter.bodyFirstLine))
        return (reader, body)
    }

    static func decode(_ text: String, path: String, role: ProgramLayout.Role) -> (Document?, [Finding]) {
        let collector = FindingCollector()
        let document: Document?
        switch role {
        case .control: document = control(text, path: path, collector: collector).map(Document.control)
        case .policy: document = policy(text, path: path, collector: collector).map(Document.policy)
        case .objective: document = objective(text, path: path, collector: collector).map(Document.objective)
        case .systemSection: document = systemSection(text, path: path, collector: collector).map(Document.systemSection)
        case .vendor: document = vendor(text, path: path, collector: collector).map(Document.vendor)
        case .risk: document = risk(text, path: path, collector: collector).map(Document.risk)
        case .run: document = run(text, path: path, collector: collector).map(Document.run)
        case .configuration, .framework, .people, .vendorReport, .runArtifact: document = nil
        }
        return (document, collector.findings)
    }

    static func criteria(_ reader: FieldReader, key: String = "criteria") -> [Located<CriterionReference>] {
        reader.stringList(key).map { Located(CriterionReference(parsing: $0.value), at: $0.location) }
    }

    /// A missing id still yields a model (with an empty id) so the file's other fields are checked.
    static func id(_ reader: FieldReader) -> Located<String> {
        reader.string("id", required: true) ?? Located("", at: reader.location)
    }

    private static func control(_ text: String, path: String, collector: FindingCollector) -> Control? {
        guard let (reader, body) = open(text, path: path, subject: "control", allowedKeys: controlKeys, collector: collector) else { return nil }
        let frequency = reader.enumeration("frequency", ControlFrequency.self)
        return Control(
            file: path,
            id: id(reader),
            title: reader.string("title", required: true),
            criteria: criteria(reader),
            objectives: reader.stringList("objectives"),
            policies: reader.stringList("policies"),
            owner: reader.string("owner") ?? reader.location(ofKey: "owner").map { Located("", at: $0) },
            frequency: frequency,
            kind: reader.enumeration("kind", ControlKind.self),
            automation: reader.enumeration("automation", ControlAutomation.self),
            status: reader.enumeration("status", ControlStatus.self, required: true),
            evidence: evidence(reader),
            runs: runSchedule(reader, frequency: frequency?.value),
            narrative: body)
    }

    private static func evidence(_ reader: FieldReader) -> [Located<EvidenceItem>] {
        guard let node = reader.value("evidence", required: false) else { return [] }
        guard case .sequence(let items) = node else {
            reader.typeMismatch("evidence", expected: "a list of artefacts or 'git: …' entries", found: node)
            return []
        }
        return items.compactMap { item in
            let location = reader.parser.location(of: item)
            switch item {
            case .scalar(let scalar) where !item.isNull:
                return Located(.artifact(scalar.string), at: location)
            case .mapping:
                guard let entry = FieldReader(item, parser: reader.parser, subject: "evidence item", allowedKeys: ["git"], collector: reader.collector) else { return nil }
                entry.reportUnknownKeys()
                guard let kind = entry.enumeration("git", GitEvidenceKind.self, required: true) else { return nil }
                return Located(.git(kind.value), at: kind.location)
            default:
                reader.typeMismatch("evidence", expected: "an artefact description or 'git: change-review'", found: item)
                return nil
            }
        }
    }

    private static func policy(_ text: String, path: String, collector: FindingCollector) -> Policy? {
        guard let (reader, body) = open(text, path: path, subject: "policy", allowedKeys: policyKeys, collector: collector) else { return nil }
        let approvers: [Located<Identity>] = reader.stringList("approvers", required: true).compactMap { written in
            guard let identity = Identity(parsing: written.value) else {
                collector.add(FieldTypeRule.finding(
                    at: written.location,
                    "approver '\(written.value)' is not an identity; write 'Name <email>' or an email address, as in git"))
                return nil
            }
            return Located(identity, at: written.location)
        }
        return Policy(
            file: path,
            id: id(reader),
            title: reader.string("title", required: true),
            owner: reader.string("owner") ?? reader.location(ofKey: "owner").map { Located("", at: $0) },
            approvers: approvers,
            version: reader.string("version", required: true),
            effective: reader.date("effective", required: true),
            reviewIntervalDays: reader.integer("review_interval_days", in: 1...3650),
            criteria: criteria(reader),
            text: body)
    }

    private static func objective(_ text: String, path: String, collector: FindingCollector) -> Objective? {
        guard let (reader, body) = open(text, path: path, subject: "objective", allowedKeys: objectiveKeys, collector: collector) else { return nil }
        return Objective(file: path, id: id(reader), title: reader.string("title", required: true), narrative: body)
    }

    private static func systemSection(_ text: String, path: String, collector: FindingCollector) -> SystemSection? {
        guard let (reader, body) = open(text, path: path, subject: "system section", allowedKeys: systemKeys, collector: collector) else { return nil }
        guard let kind = reader.enumeration("section", SystemSectionKind.self, required: true) else { return nil }
        var section = SystemSection(file: path, kind: kind, title: reader.string("title"), body: body, userEntityControls: [], subserviceOrganizations: [])
        for (key, owner) in [("cuecs", SystemSectionKind.cuecs), ("subservice_organizations", .subserviceOrganizations)] where kind.value != owner {
            if let location = reader.location(ofKey: key) {
                collector.add(FieldUnknownRule.finding(at: location, "'\(key)' belongs in the file with 'section: \(owner.rawValue)', not in a '\(kind.value.rawValue)' section; move it there"))
            }
        }
        if kind.value == .cuecs {
            section.userEntityControls = reader.mappingList("cuecs", allowedKeys: ["id", "text", "criteria"], itemName: "CUEC").compactMap { item in
                item.reportUnknownKeys()
                guard let id = item.string("id", required: true), let text = item.string("text", required: true) else { return nil }
                return ComplementaryUserEntityControl(id: id, text: text, criteria: criteria(item))
            }
        }
        if kind.value == .subserviceOrganizations {
            section.subserviceOrganizations = reader.mappingList("subservice_organizations", allowedKeys: ["name", "services", "method", "csocs"], itemName: "organization").compactMap { item in
                item.reportUnknownKeys()
                guard let name = item.string("name", required: true) else { return nil }
                let controls = item.mappingList("csocs", allowedKeys: ["text", "criteria"], itemName: "CSOC").compactMap { control -> ComplementarySubserviceControl? in
                    control.reportUnknownKeys()
                    guard let text = control.string("text", required: true) else { return nil }
                    return ComplementarySubserviceControl(text: text, criteria: criteria(control))
                }
                return SubserviceOrganization(name: name, services: item.string("services"), method: item.enumeration("method", SubserviceMethod.self, required: true), controls: controls)
            }
        }
        return section
    }
}

/// Reads `frameworks/<key>.yml`: a custom framework that controls can map to as `key:ID`.
enum FrameworkDecoder {
    static func decode(_ text: String, path: String, key: String) -> (Catalog?, [Finding]) {
        let parser = YAMLParser(path: path, firstLine: 1)
        let collector = FindingCollector()
        let root: Node
        switch parser.parse(text) {
        case .failure(let error): return (nil, [error.finding])
        case .success(nil): return (nil, [FieldMissingRule.finding(at: SourceLocation(file: path), "framework file is empty; it needs 'name' and 'requirements'")])
        case .success(let node?): root = node
        }
        guard let reader = FieldReader(root, parser: parser, subject: "framework", allowedKeys: ["name", "description", "requirements"], collector: collector, location: SourceLocation(file: path)) else {
            return (nil, collector.findings)
        }
        reader.reportUnknownKeys()
        let name = reader.string("name", required: true)?.value ?? key
        _ = reader.string("description")
        if reader.entry("requirements") == nil {
            collector.add(FieldMissingRule.finding(at: reader.location, "framework is missing required field 'requirements'; list them as '- {id: …, title: …}'"))
        }
        var seen: Set<String> = []
        let entries = reader.mappingList("requirements", allowedKeys: ["id", "title", "category"], itemName: "requirement").compactMap { item -> CatalogEntry? in
            item.reportUnknownKeys()
            guard let id = item.string("id", required: true), let title = item.string("title", required: true) else { return nil }
            guard seen.insert(id.value).inserted else {
                collector.add(IDDuplicateRule.finding(at: id.location, "requirement '\(id.value)' is listed twice in this framework; keep one"))
                return nil
            }
            return CatalogEntry(id: id.value, category: item.string("category")?.value, topic: title.value)
        }
        return (Catalog(key: key, name: name, entries: entries), collector.findings)
    }
}

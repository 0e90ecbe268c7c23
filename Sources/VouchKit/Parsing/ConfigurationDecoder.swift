import Yams

/// Reads `vouch.yml` into a `Configuration`, with a finding for every problem.
enum ConfigurationDecoder {
    static let topLevelKeys = ["organization", "system", "reports", "change_management", "policies", "sampling", "risk_appetite"]

    static func decode(_ text: String, path: String = Configuration.fileName) -> (Configuration, [Finding]) {
        let parser = YAMLParser(path: path, firstLine: 1)
        let collector = FindingCollector()
        var configuration = Configuration.fallback
        let root: Node?
        switch parser.parse(text) {
        case .failure(let error): return (configuration, [error.finding])
        case .success(let node): root = node
        }
        guard let root, let reader = FieldReader(root, parser: parser, subject: "vouch.yml", allowedKeys: topLevelKeys, collector: collector, location: SourceLocation(file: path)) else {
            if root == nil {
                collector.add(FieldMissingRule.finding(at: SourceLocation(file: path), "vouch.yml is empty; it needs at least 'organization', 'system' and 'reports' (run 'vouch init' for a complete example)"))
            }
            return (configuration, collector.findings)
        }
        reader.reportUnknownKeys()
        configuration.organization = reader.string("organization", required: true)
        configuration.system = reader.string("system", required: true)
        if let reports = reader.mapping("reports", allowedKeys: ["soc2", "soc1"], required: true) {
            reports.reportUnknownKeys()
            configuration.soc2 = soc2(reports)
            configuration.soc1 = soc1(reports)
            if configuration.soc2 == nil, configuration.soc1 == nil, reports.entry("soc2") == nil, reports.entry("soc1") == nil {
                collector.add(FieldMissingRule.finding(at: reports.location, "'reports' names no report; add 'soc2:' and/or 'soc1:'"))
            }
        }
        configuration.changeManagement = changeManagement(reader)
        if let policies = reader.mapping("policies", allowedKeys: ["review_interval_days", "acknowledge_within_days"]) {
            policies.reportUnknownKeys()
            configuration.reviewIntervalDays = policies.integer("review_interval_days", in: 1...3650)?.value ?? Configuration.defaultReviewIntervalDays
            configuration.acknowledgeWithinDays = policies.integer("acknowledge_within_days", in: 0...3650)?.value ?? Configuration.defaultAcknowledgeWithinDays
        }
        configuration.riskAppetite = reader.integer("risk_appetite", in: 1...25)
        configuration.sampleSizes = sampleSizes(reader)
        return (configuration, collector.findings)
    }

    /// The largest sample `sampling:` takes: larger than any population a test of controls draws from.
    static let largestSampleSize = 10_000

    private static func sampleSizes(_ reader: FieldReader) -> [ControlFrequency: Int] {
        guard let sampling = reader.mapping("sampling", allowedKeys: ControlFrequency.allCases.map(\.rawValue)) else { return [:] }
        sampling.reportUnknownKeys()
        var sizes: [ControlFrequency: Int] = [:]
        for frequency in ControlFrequency.allCases {
            if let size = sampling.integer(frequency.rawValue, in: 1...largestSampleSize) { sizes[frequency] = size.value }
        }
        return sizes
    }

    private static func period(_ reader: FieldReader) -> ReportPeriod? {
        guard let period = reader.mapping("period", allowedKeys: ["start", "end"], required: true) else { return nil }
        period.reportUnknownKeys()
        guard let start = period.date("start", required: true), let end = period.date("end", required: true) else { return nil }
        guard start.value <= end.value else {
            period.collector.add(FieldValueRule.finding(
                at: end.location, "period ends (\(end.value)) before it starts (\(start.value)); swap the dates"))
            return nil
        }
        return ReportPeriod(start: start.value, end: end.value)
    }

    private static func soc2(_ reports: FieldReader) -> SOC2Report? {
        guard let soc2 = reports.mapping("soc2", allowedKeys: ["type", "period", "categories", "excluded"]) else { return nil }
        soc2.reportUnknownKeys()
        let location = reports.location(ofKey: "soc2") ?? soc2.location
        var report = SOC2Report(type: soc2.integer("type", in: 1...2, required: true)?.value ?? 2, period: period(soc2), categories: [], exclusions: [], location: location)
        report.categories = soc2.stringList("categories").compactMap {
            soc2.enumerationValue($0, key: "category", TrustServicesCategory.self)
        }
        if let excluded = soc2.value("excluded", required: false) {
            guard case .mapping(let mapping) = excluded else {
                soc2.typeMismatch("excluded", expected: "a mapping of criterion ID to reason, e.g. 'PI1.1: \"reason\"'", found: excluded)
                return report
            }
            for (key, value) in mapping {
                let criterion = Located(key.scalarText ?? "", at: soc2.parser.location(of: key))
                var reason: Located<String>?
                if case .scalar(let scalar) = value, !value.isNull {
                    let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty { reason = Located(text, at: soc2.parser.location(of: value)) }
                } else if !value.isNull {
                    soc2.typeMismatch(criterion.value, expected: "the reason, as text", found: value)
                }
                report.exclusions.append(Exclusion(criterion: criterion, reason: reason))
            }
        }
        return report
    }

    private static func soc1(_ reports: FieldReader) -> SOC1Report? {
        guard let soc1 = reports.mapping("soc1", allowedKeys: ["type", "period"]) else { return nil }
        soc1.reportUnknownKeys()
        return SOC1Report(
            type: soc1.integer("type", in: 1...2, required: true)?.value ?? 2,
            period: period(soc1),
            location: reports.location(ofKey: "soc1") ?? soc1.location)
    }

    static let changeManagementKeys = [
        "branch", "paths", "required_approvals", "require_signed", "emergency_review_days", "sensitive_paths", "bots",
        "allowed_signers", "keyring", "approvals", "require_signed_approvals",
    ]

    private static func changeManagement(_ reader: FieldReader) -> ChangeManagementSettings {
        var settings = ChangeManagementSettings(location: reader.location(ofKey: "change_management") ?? reader.location)
        guard let section = reader.mapping("change_management", allowedKeys: changeManagementKeys) else { return settings }
        section.reportUnknownKeys()
        settings.branch = section.string("branch")?.value
        let paths = section.stringList("paths").map(\.value)
        if section.entry("paths") != nil { settings.paths = paths }
        settings.requiredApprovals = section.integer("required_approvals", in: 0...20)?.value ?? 1
        settings.requireSigned = section.boolean("require_signed")?.value ?? false
        settings.emergencyReviewDays = section.integer("emergency_review_days", in: 0...365)?.value ?? 5
        settings.sensitivePaths = section.stringList("sensitive_paths").map(\.value)
        settings.bots = section.stringList("bots").map(\.value)
        settings.allowedSigners = section.string("allowed_signers")?.value
        settings.keyring = section.string("keyring")?.value
        settings.requireSignedApprovals = section.boolean("require_signed_approvals")?.value ?? false
        if let approvals = section.mapping("approvals", allowedKeys: ["sign"]) {
            approvals.reportUnknownKeys()
            settings.signApprovals = approvals.boolean("sign")?.value ?? false
        }
        return settings
    }
}

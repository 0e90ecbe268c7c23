/// SARIF 2.1.0 (OASIS), the format code scanning reads: GitHub uploads it with
/// `github/codeql-action/upload-sarif`, GitLab and IDEs show it too.
public enum SARIFReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of Vouch's own fingerprint in `partialFingerprints`; bump the version if the recipe changes.
    public static let fingerprintKey = "vouchFindingHash/v1"

    public static func render(_ report: LintReport, context: ReportContext) -> String {
        let rules = context.rules ?? RuleRegistry.all
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        let results: [JSONValue] = report.findings.map { finding in
            let base = fingerprint(of: finding, context: context)
            // Identical findings in one file stay distinct alerts, numbered in their (stable) order.
            seen[base, default: 0] += 1
            return result(finding, index: ruleIndex[finding.rule], fingerprint: "\(base):\(seen[base]!)", context: context)
        }
        var driverMembers: [(String, JSONValue)] = [
            ("name", .string(context.toolName)),
            ("version", .string(context.toolVersion)),
            ("semanticVersion", .string(context.toolVersion)),
        ]
        if let uri = context.informationURI { driverMembers.append(("informationUri", .string(uri))) }
        driverMembers.append(("rules", .array(rules.map(rule))))
        let driver: JSONValue = .object(driverMembers)
        return JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("results", .array(results)),
            ])])),
        ]).serialized() + "\n"
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        .object([
            ("id", .string(rule.identifier)),
            ("name", .string(upperCamelCase(rule.identifier))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([("text", .string("\(rule.summary).\n\n\(rule.rationale)\n\nRun 'vouch rules \(rule.identifier)' for passing and failing examples."))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([("tags", .array([.string("compliance"), .string(rule.scope.rawValue)]))])),
        ])
    }

    static func result(_ finding: Finding, index: Int?, fingerprint: String, context: ReportContext) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.rule))]
        if let index { members.append(("ruleIndex", .int(index))) }
        members.append(("level", .string(level(finding.severity))))
        members.append(("message", .object([("text", .string(FindingReporter.message(of: finding)))])))
        members.append(("locations", .array([.object([
            ("physicalLocation", .object([
                ("artifactLocation", .object([
                    ("uri", .string(uriReference(context.repositoryPath(of: finding)))),
                    ("uriBaseId", .string("%SRCROOT%")),
                ])),
                ("region", .object([("startLine", .int(max(finding.line, 1))), ("startColumn", .int(max(finding.column, 1)))])),
            ])),
        ])])))
        members.append(("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))])))
        if let commit = finding.commit { members.append(("properties", .object([("commit", .string(commit))]))) }
        return .object(members)
    }

    /// What identifies a finding across commits: rule, file, message and commit, but not the
    /// line, so an alert survives edits above it. Numbers that locate something else (`file.md:12`,
    /// `line 12`) are dropped from the message for the same reason.
    public static func fingerprint(of finding: Finding, context: ReportContext) -> String {
        let parts = [finding.rule, context.repositoryPath(of: finding), normalized(finding.message), finding.commit ?? ""]
        return StableHash.hex(parts.joined(separator: "\u{0}"))
    }

    static func normalized(_ message: String) -> String {
        var output = ""
        var inLocatingNumber = false
        for character in message {
            let locates = inLocatingNumber || output.hasSuffix(":") || output.hasSuffix("line ") || output.hasSuffix("column ")
            if character.isASCII, character.isNumber, locates {
                if !inLocatingNumber { output.append("#") }
                inLocatingNumber = true
            } else {
                inLocatingNumber = false
                output.append(character)
            }
        }
        return output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func upperCamelCase(_ identifier: String) -> String {
        identifier.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI reference: everything but unreserved characters and `/` percent-encoded.
    static func uriReference(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + Hex.string(CollectionOfOne(byte), uppercase: true)
            }
        }
        return output
    }
}

public enum EvidenceFormat: String, Sendable, CaseIterable {
    case text, json, csv
    /// The exceptions alone, as findings for code scanning, test reports and annotations.
    case sarif, junit, github

    /// The findings format that writes this one, for the exceptions-only formats.
    public var findingFormat: FindingFormat? {
        switch self {
        case .text, .json, .csv: nil
        case .sarif: .sarif
        case .junit: .junit
        case .github: .github
        }
    }
}

/// What a sampled report adds to the metadata.
public struct SampleDescription: Sendable {
    public var size: Int
    public var seed: String
    /// The digest of the sampled records, like the population's.
    public var digest: String

    public init(size: Int, seed: String, digest: String) {
        self.size = size
        self.seed = seed
        self.digest = digest
    }
}

/// Renders a change population. Populations can be large, so every format is produced in
/// pieces (a head, one piece per change, a tail) that the caller writes out as they come;
/// each piece is a pure function of its input.
public enum EvidenceReporter {
    public static let signatureNote = "SSH signatures are verified against change_management.allowed_signers at the tip (namespace git, at the committer time); OpenPGP and X.509 signatures are reported as unsupported"

    /// A signature's verdict in a few words: `ssh good (alice@example.com, SHA256:…)`.
    public static func describe(_ signature: SignatureCheck) -> String {
        let who = [signature.signer, signature.key].compactMap { $0 }
        return "\(signature.format.rawValue) \(signature.status.rawValue)" + (who.isEmpty ? "" : " (\(who.joined(separator: ", ")))")
    }

    static func keyFileJSON(_ file: SignatureKeys.KeyFile?) -> JSONValue {
        guard let file else { return .null }
        return .object([("path", .string(file.path)), ("blob", .optional(file.blob?.description))])
    }

    // MARK: JSON

    /// Everything before the first change: the metadata, then the opening of `changes`.
    public static func jsonHead(_ metadata: PopulationMetadata, summary: PopulationSummary, sample: SampleDescription?, toolVersion: String) -> String {
        let head = JSONValue.object([("metadata", metadataJSON(metadata, summary: summary, sample: sample, toolVersion: toolVersion))]).serialized()
        // Reopen the object to append the changes array one record per line.
        return String(head.dropLast(2)) + ",\n  \"changes\": ["
    }

    /// One change: its compact JSON on its own line, so each change is one line of a diff.
    public static func jsonChange(_ record: ChangeRecord, isFirst: Bool) -> String {
        jsonChangeSeparator(isFirst: isFirst) + record.canonicalJSON
    }

    /// What goes before a record's compact JSON in the list of changes.
    public static func jsonChangeSeparator(isFirst: Bool) -> String { isFirst ? "\n    " : ",\n    " }

    public static func jsonTail(empty: Bool) -> String { empty ? "]\n}\n" : "\n  ]\n}\n" }

    static func metadataJSON(_ metadata: PopulationMetadata, summary: PopulationSummary, sample: SampleDescription?, toolVersion: String) -> JSONValue {
        var period: [(String, JSONValue)]
        switch metadata.selection {
        case .period(let since, let until):
            period = [("since", .optional(since?.description)), ("until", .optional(until?.description)), ("range", .null)]
        case .range(let text):
            period = [("since", .null), ("until", .null), ("range", .string(text))]
        }
        period.append(("basis", .string("first-parent commits by committer time, whole days in UTC")))
        let settings = metadata.settings
        return .object([
            ("tool", .string("vouch")),
            ("version", .string(toolVersion)),
            ("repository", .object([("name", .string(metadata.repositoryName)), ("origin", .optional(metadata.origin))])),
            ("branch", .optional(metadata.branch)),
            ("branch_ref", .optional(metadata.branchReference)),
            ("tip", .optional(metadata.tip?.description)),
            ("period", .object(period)),
            ("paths", .array(metadata.paths.map(JSONValue.string))),
            ("paths_listed", .bool(metadata.pathsListed)),
            ("shallow", .bool(metadata.shallow)),
            ("object_hashes", .string(ObjectVerification.recorded(metadata.objectsVerified))),
            ("mailmap", .optional(metadata.mailmapBlob?.description)),
            ("notes", .object(metadata.notes.map { ($0.reference, .optional($0.tip?.description)) })),
            ("settings", .object([
                ("required_approvals", .int(settings.requiredApprovals)),
                ("require_signed", .bool(settings.requireSigned)),
                ("emergency_review_days", .int(settings.emergencyReviewDays)),
                ("sensitive_paths", .array(settings.sensitivePaths.map(JSONValue.string))),
                ("bots", .array(settings.bots.map(JSONValue.string))),
            ])),
            ("signatures", .object([
                ("allowed_signers", keyFileJSON(metadata.keyFiles.first { $0.setting == "allowed_signers" })),
                ("keyring", keyFileJSON(metadata.keyFiles.first { $0.setting == "keyring" })),
                ("require_signed_approvals", .bool(settings.requireSignedApprovals)),
                ("note", .string(signatureNote)),
            ])),
            ("population", .int(summary.count)),
            ("digest", .string(summary.digest)),
            ("summary", .object([
                ("mechanisms", .object(summary.byMechanism.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .int($0.value)) })),
                ("exceptions", .object(summary.byRule.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("changes_with_exceptions", .int(summary.changesWithExceptions)),
                ("changes_flagged", .int(summary.changesFlagged)),
            ])),
            ("sample", sample.map { sample in
                .object([
                    ("size", .int(sample.size)),
                    ("seed", .string(sample.seed)),
                    ("algorithm", .string(SampleSelector.algorithm)),
                    ("digest", .string(sample.digest)),
                ])
            } ?? .null),
        ])
    }

    // MARK: CSV

    public static let csvColumns = [
        "commit", "landed_at", "subject", "author_name", "author_email", "committer_name", "committer_email",
        "co_authors", "merged_authors", "mechanism", "review_ref", "approvers", "independent_approvers",
        "signature", "emergency", "bot", "paths", "exceptions", "parents",
    ]

    public static func csvHead() -> String { CSV.document(header: csvColumns, rows: []) }

    /// One change as one spreadsheet row (lists joined with "; ").
    public static func csvRow(_ record: ChangeRecord) -> String {
        let paths: String = record.paths?.joined(separator: "; ") ?? "(not listed)"
        let approvers: String = record.approvals.map { approval in
            "\(approval.identity) (\(approval.kind.rawValue), \(approval.source.rawValue)\(approval.signature.map { ", signed: " + describe($0) } ?? ""))"
        }.joined(separator: "; ")
        let row: [String] = [
            record.commit.description, record.landedAt.iso8601, record.subject,
            record.author.identity.name, record.author.identity.email, record.committer.identity.name, record.committer.identity.email,
            record.coAuthors.map(\.description).joined(separator: "; "), record.mergedAuthors.map(\.description).joined(separator: "; "),
            record.mechanism.rawValue, record.reviewReference ?? "",
            approvers, String(record.independentApprovers.count),
            record.signature.map(describe) ?? "", record.emergency ?? "", record.isBot ? "yes" : "no",
            paths,
            record.exceptions.map(\.rule.identifier).joined(separator: "; "),
            record.parents.map(\.description).joined(separator: " "),
        ]
        return row.map(CSV.cell).joined(separator: ",") + "\r\n"
    }

    // MARK: Text

    /// What the population is: branch, period, scope, sources.
    public static func textHead(_ metadata: PopulationMetadata, sample: (size: Int, seed: String)?, style: TextStyle) -> String {
        var lines: [String] = []
        let tip = metadata.tip?.abbreviated() ?? "no commits yet"
        lines.append(style.bold("Change population of \(metadata.branch ?? "the range") at \(tip)") + (metadata.branchReference.map { " (\($0))" } ?? ""))
        switch metadata.selection {
        case .period(let since, let until):
            lines.append("Period:     \(since?.description ?? "the beginning") to \(until?.description ?? "now") (committer time, UTC days)")
        case .range(let text):
            lines.append("Range:      \(text)")
        }
        lines.append("Paths:      \(metadata.paths.joined(separator: ", "))")
        lines.append("Repository: \(metadata.repositoryName)" + (metadata.origin.map { " (origin \($0))" } ?? ""))
        lines.append("Mailmap:    " + (metadata.mailmapBlob.map { ".mailmap blob \($0.abbreviated()) at the tip" } ?? "none at the tip"))
        for file in metadata.keyFiles {
            lines.append("Signers:    \(file.path) " + (file.blob.map { "blob \($0.abbreviated()) at the tip" } ?? "missing at the tip") + " (\(file.setting))")
        }
        if let sample { lines.append("Sample:     \(sample.size) changes, seed \(sample.seed) (\(SampleSelector.algorithm))") }
        lines.append("")
        lines.append(style.dim(row(["COMMIT", "LANDED", "AUTHOR", "MECHANISM", "REVIEW", "APPROVERS", "EXCEPTIONS"])))
        return lines.joined(separator: "\n") + "\n"
    }

    private static let widths = [12, 25, 22, 14, 16, 28]

    private static func row(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            guard index < widths.count else { line += cell; break }
            let width = widths[index]
            let fitted = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
            line += fitted.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
        }
        return line
    }

    /// One change: a table row, then one indented line per exception.
    public static func textChange(_ record: ChangeRecord, style: TextStyle) -> String {
        let approvers = record.approvals.isEmpty ? "-" : record.approvals.map { $0.identity.name.isEmpty ? $0.identity.email : $0.identity.name }.joined(separator: ", ")
        let exceptions = record.exceptions.isEmpty ? "-" : record.exceptions.map(\.rule.identifier).joined(separator: ", ")
        var lines = [row([record.shortID, record.landedAt.iso8601, record.author.identity.name, record.mechanism.rawValue, record.reviewReference ?? "-", approvers, exceptions])]
        if let signature = record.signature { lines.append("    \(style.dim("signature")): \(describe(signature))") }
        for exception in record.exceptions {
            lines.append("    \(style.severity(exception.rule.severity)): \(exception.message) \(style.dim("[\(exception.rule.identifier)]"))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The counts, the digest, and the sample suggestion.
    public static func textTail(_ summary: PopulationSummary, guidance: SampleGuidance?, sample: SampleDescription?, style: TextStyle) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var lines = [""]
        if let sample {
            lines.append(style.bold("\(count(sample.size, "change")) sampled from a population of \(summary.count); \(summary.changesWithExceptions) of the population with exceptions, \(summary.changesFlagged) flagged for attention."))
        } else {
            lines.append(style.bold("\(count(summary.count, "change")), \(summary.changesWithExceptions) with exceptions, \(summary.changesFlagged) flagged for attention."))
        }
        if !summary.byMechanism.isEmpty {
            lines.append("By mechanism: " + summary.byMechanism.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }
        if !summary.byRule.isEmpty {
            lines.append("Exceptions:   " + summary.byRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("Digest:       \(summary.digest)" + (sample.map { " (sample \($0.digest))" } ?? ""))
        lines.append(style.dim("Note: \(signatureNote)."))
        if let guidance, sample == nil, summary.count > 0 {
            let size = guidance.suggestedSize(population: summary.count)
            lines.append("Suggested sample: \(size) of \(summary.count) (\(guidance.explanation)); draw it with 'vouch evidence --sample \(size) --seed SEED'.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Whole documents

    /// A whole population rendered in one string; for small populations and tests.
    /// `programPrefix` ("" or "a/b/") places the change findings of the findings formats at the
    /// program's `vouch.yml` in the repository.
    public static func render(_ population: ChangePopulation, format: EvidenceFormat, toolVersion: String, guidance: SampleGuidance? = nil, style: TextStyle = TextStyle(color: false), programPrefix: String = "") -> String {
        let output = StringReportOutput()
        var report = format.report(to: output, context: EvidenceReportContext(toolVersion: toolVersion, style: style, guidance: guidance, programPath: programPrefix))
        // In memory, with the counts known from the start: nothing here can fail.
        try! report.write(population.changes, metadata: population.metadata, summary: population.summary, sample: nil)
        return output.text
    }
}

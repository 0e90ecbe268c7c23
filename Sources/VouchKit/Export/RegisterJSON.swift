/// The `registers` member of `system-description.json` (shape in docs/export.md).
enum RegisterJSON {
    static func render(_ registers: RegisterSummary) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("vendors", .array(registers.vendors.map { vendor in
                .object([
                    ("id", .string(vendor.id)), ("name", .string(vendor.name)),
                    ("criticality", .optional(vendor.criticality)), ("subservice", .optional(vendor.subservice)),
                    ("latestReport", .optional(vendor.latestReport)), ("coveredThrough", .optional(vendor.coveredThrough?.description)),
                    ("gapDays", .int(vendor.gapDays)),
                    ("timeline", .array(vendor.timeline.map { span in
                        .object([("start", .string(span.start.description)), ("end", .string(span.end.description)), ("source", .string(span.source.rawValue))])
                    })),
                    ("reportFiles", .array(vendor.reportFiles.map { .object([("path", .string($0.path)), ("sha256", .optional($0.sha256))]) })),
                ])
            })),
            ("risks", .object([
                ("appetite", registers.riskAppetite.map(JSONValue.int) ?? .null),
                ("inherentMatrix", matrix(registers.inherentMatrix)),
                ("residualMatrix", matrix(registers.residualMatrix)),
                ("entries", .array(registers.risks.map { risk in
                    .object([
                        ("id", .string(risk.id)), ("title", .string(risk.title)), ("treatment", .optional(risk.treatment)),
                        ("inherent", score(risk.inherent)), ("residual", score(risk.residual)), ("owner", .optional(risk.owner)),
                    ])
                })),
            ])),
        ]
        members.append(("acknowledgements", registers.acknowledgements.map { rates in
            .array(rates.map { .object([("policy", .string($0.policyID)), ("required", .int($0.required)), ("acknowledged", .int($0.acknowledged))]) })
        } ?? .string(registers.hasRoster ? "not-available" : "no-roster")))
        members.append(("people", .array(registers.populations.map { population in
            var entry: [(String, JSONValue)] = [("population", .string(population.kind.rawValue)), ("count", .int(population.count))]
            if let people = population.people {
                entry.append(("people", .array(people.map { .object([("name", .string($0.name)), ("email", .string($0.email)), ("start", .string($0.start)), ("end", $0.end.isEmpty ? .null : .string($0.end))]) })))
            }
            return .object(entry)
        })))
        return .object(members)
    }

    /// Rows by likelihood 1–5, columns by impact 1–5.
    private static func matrix(_ cells: [[Int]]) -> JSONValue { .array(cells.map { .array($0.map(JSONValue.int)) }) }

    private static func score(_ score: (likelihood: Int, impact: Int)?) -> JSONValue {
        score.map { .object([("likelihood", .int($0.likelihood)), ("impact", .int($0.impact)), ("score", .int($0.likelihood * $0.impact))]) } ?? .null
    }
}

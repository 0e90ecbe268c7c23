import Yams

/// Reads the register documents, `vendors/*.md` and `risks/*.md`, with the readers' usual findings.
extension DocumentDecoder {
    static let vendorKeys = ["id", "name", "services", "criticality", "data", "subservice", "owner", "assurance", "csocs", "review"]
    static let assuranceKeys = ["kind", "type", "period", "received", "opinion", "exceptions_noted", "bridge_letter", "file", "url", "sha256"]
    static let riskKeys = ["id", "title", "category", "likelihood", "impact", "treatment", "controls", "residual", "owner", "accepted_by", "review"]

    static func vendor(_ text: String, path: String, collector: FindingCollector) -> Vendor? {
        guard let (reader, body) = open(text, path: path, subject: "vendor", allowedKeys: vendorKeys, collector: collector) else { return nil }
        let assurance = reader.mappingList("assurance", allowedKeys: assuranceKeys, itemName: "assurance item").compactMap { item -> VendorAssurance? in
            item.reportUnknownKeys()
            guard let kind = item.enumeration("kind", AssuranceKind.self, required: true) else { return nil }
            var period: ReportPeriod?
            var periodLocation = item.location
            if let written = item.mapping("period", allowedKeys: ["start", "end"], required: kind.value.isAttestation) {
                written.reportUnknownKeys()
                periodLocation = written.location
                if let start = written.date("start", required: true), let end = written.date("end", required: true) {
                    if start.value <= end.value {
                        period = ReportPeriod(start: start.value, end: end.value)
                    } else {
                        collector.add(FieldValueRule.finding(at: end.location, "report period ends (\(end.value)) before it starts (\(start.value)); swap the dates"))
                    }
                }
            }
            var bridge: BridgeLetter?
            if let letter = item.mapping("bridge_letter", allowedKeys: ["through", "received"]) {
                letter.reportUnknownKeys()
                if let through = letter.date("through", required: true) {
                    bridge = BridgeLetter(through: through, received: letter.date("received"))
                }
            }
            let file = item.string("file"), url = item.string("url")
            if file != nil, url != nil {
                collector.add(FieldValueRule.finding(at: url!.location, "give the report as 'file:' or 'url:', not both"))
            }
            return VendorAssurance(
                kind: kind, type: item.integer("type", in: 1...2), period: period, periodLocation: periodLocation,
                received: item.date("received"), opinion: item.enumeration("opinion", AssuranceOpinion.self),
                exceptionsNoted: item.boolean("exceptions_noted"), bridgeLetter: bridge,
                file: file, url: url.map { Located(Redaction.text($0.value), at: $0.location) }, sha256: item.string("sha256"), location: item.location)
        }
        let csocs = reader.mappingList("csocs", allowedKeys: ["text", "criteria", "controls"], itemName: "CSOC").compactMap { item -> VendorCSOC? in
            item.reportUnknownKeys()
            guard let text = item.string("text", required: true) else { return nil }
            return VendorCSOC(text: text, criteria: criteria(item), controls: item.stringList("controls"), location: text.location)
        }
        return Vendor(
            file: path, id: id(reader), name: reader.string("name", required: true), services: reader.string("services"),
            criticality: reader.enumeration("criticality", VendorCriticality.self, required: true),
            data: reader.stringList("data"), subservice: reader.enumeration("subservice", VendorSubservice.self),
            owner: reader.string("owner"), assurance: assurance, csocs: csocs, review: review(reader), body: body)
    }

    static func risk(_ text: String, path: String, collector: FindingCollector) -> Risk? {
        guard let (reader, body) = open(text, path: path, subject: "risk", allowedKeys: riskKeys, collector: collector) else { return nil }
        var inherent: RiskScore?
        if let likelihood = reader.integer("likelihood", in: 1...5, required: true), let impact = reader.integer("impact", in: 1...5, required: true) {
            inherent = RiskScore(likelihood: likelihood.value, impact: impact.value, location: likelihood.location)
        }
        var residual: RiskScore?
        if let written = reader.mapping("residual", allowedKeys: ["likelihood", "impact"]) {
            written.reportUnknownKeys()
            if let likelihood = written.integer("likelihood", in: 1...5, required: true), let impact = written.integer("impact", in: 1...5, required: true) {
                residual = RiskScore(likelihood: likelihood.value, impact: impact.value, location: reader.location(ofKey: "residual") ?? likelihood.location)
            }
        }
        var acceptedBy: Located<Identity>?
        if let written = reader.string("accepted_by") {
            if let identity = Identity(parsing: written.value) {
                acceptedBy = Located(identity, at: written.location)
            } else {
                collector.add(FieldTypeRule.finding(at: written.location, "accepted_by '\(written.value)' is not an identity; write 'Name <email>' or an email address, as in git"))
            }
        }
        return Risk(
            file: path, id: id(reader), title: reader.string("title", required: true), category: reader.string("category"),
            inherent: inherent, treatment: reader.enumeration("treatment", RiskTreatment.self),
            controls: reader.stringList("controls"), residual: residual, owner: reader.string("owner"),
            acceptedBy: acceptedBy, review: review(reader), body: body, location: reader.location(ofKey: "id") ?? reader.location)
    }

    private static func review(_ reader: FieldReader) -> ReviewSchedule? {
        guard let review = reader.mapping("review", allowedKeys: ["last", "interval_days"]) else { return nil }
        review.reportUnknownKeys()
        guard let last = review.date("last", required: true) else { return nil }
        return ReviewSchedule(last: last, intervalDays: review.integer("interval_days", in: 1...3650)?.value ?? Configuration.defaultReviewIntervalDays)
    }
}

/// The registers' section of the description document (HTML and Markdown): vendors with their
/// assurance timeline over the period, the 5×5 risk matrices, acknowledgement rates, and the
/// people populations (names only when the export was asked to include them).
enum RegisterDocumentSection {
    static func make(_ registers: RegisterSummary) -> DocumentSection {
        var blocks: [DocumentBlock] = []
        if !registers.vendors.isEmpty {
            blocks.append(.heading("Vendors", anchor: "registers-vendors"))
            blocks.append(.table(DocumentTable(
                columns: ["Vendor", "Criticality", "Subservice", "Latest report", "Covered through", "Our period"],
                rows: registers.vendors.map { vendor in
                    [DocumentCell(vendor.name), DocumentCell(vendor.criticality ?? "—"), DocumentCell(vendor.subservice ?? "—"),
                     DocumentCell(vendor.latestReport ?? "none", flagged: vendor.latestReport == nil),
                     DocumentCell(vendor.coveredThrough?.description ?? "—"),
                     DocumentCell(timeline(vendor.timeline), flagged: vendor.gapDays > 0 && vendor.subservice != "no")]
                })))
        }
        if !registers.risks.isEmpty {
            blocks.append(.heading("Risk matrix", anchor: "registers-risk-matrix"))
            if let appetite = registers.riskAppetite { blocks.append(.paragraph("Risk appetite: residual score (likelihood × impact) of at most \(appetite).")) }
            for (title, cells) in [("Inherent risk", registers.inherentMatrix), ("Residual risk", registers.residualMatrix)] {
                blocks.append(.paragraph("\(title): risks by likelihood (rows, 5 highest) and impact (columns)."))
                blocks.append(.table(DocumentTable(
                    columns: ["Likelihood / impact", "1", "2", "3", "4", "5"],
                    rows: (1...5).reversed().map { likelihood in
                        [DocumentCell(String(likelihood))] + (1...5).map { impact in
                            let count = cells[likelihood - 1][impact - 1]
                            return DocumentCell(count == 0 ? "·" : String(count), flagged: count > 0 && likelihood * impact > (registers.riskAppetite ?? 25))
                        }
                    })))
            }
            blocks.append(.table(DocumentTable(
                columns: ["Risk", "Title", "Treatment", "Inherent", "Residual", "Owner"],
                rows: registers.risks.map { risk in
                    [DocumentCell(risk.id), DocumentCell(risk.title), DocumentCell(risk.treatment ?? "none", flagged: risk.treatment == nil),
                     DocumentCell(risk.inherent.map { "\($0.likelihood * $0.impact) (\($0.likelihood)×\($0.impact))" } ?? "—"),
                     DocumentCell(risk.residual.map { "\($0.likelihood * $0.impact) (\($0.likelihood)×\($0.impact))" } ?? "—"),
                     DocumentCell(risk.owner ?? "—")]
                })))
        }
        if registers.hasRoster {
            blocks.append(.heading("Policy acknowledgements", anchor: "registers-acknowledgements"))
            if let rates = registers.acknowledgements {
                blocks.append(.table(DocumentTable(
                    columns: ["Policy", "Required of", "Acknowledged", "Rate"],
                    rows: rates.map { rate in
                        let percent = rate.required == 0 ? "—" : "\(rate.acknowledged * 100 / rate.required)%"
                        return [DocumentCell(rate.policyID), DocumentCell(String(rate.required)), DocumentCell(String(rate.acknowledged)),
                                DocumentCell(percent, flagged: rate.acknowledged < rate.required)]
                    })))
            } else {
                blocks.append(.missing("Acknowledgements: not read from git history."))
            }
            blocks.append(.heading("People", anchor: "registers-people"))
            blocks.append(.facts(registers.populations.map { DocumentFact(label: label($0.kind), value: $0.count == 1 ? "1 person" : "\($0.count) people") }))
            for population in registers.populations {
                guard let people = population.people, !people.isEmpty else { continue }
                blocks.append(.paragraph(label(population.kind)))
                blocks.append(.table(DocumentTable(
                    columns: ["Name", "Email", "Start", "End"],
                    rows: people.map { [DocumentCell($0.name), DocumentCell($0.email), DocumentCell($0.start), DocumentCell($0.end.isEmpty ? "—" : $0.end)] })))
            }
        }
        return DocumentSection(anchor: "section-registers", criterion: nil, title: "Vendors, risks and people", blocks: blocks)
    }

    private static func label(_ kind: PeoplePopulation.Kind) -> String {
        switch kind {
        case .hired: "Joined during the period"
        case .left: "Left during the period"
        case .employed: "Employed during the period"
        }
    }

    /// `2026-01-01–2026-03-31 report; 2026-04-01–2026-09-30 bridge letter; 2026-10-01–2026-12-31 no coverage`.
    private static func timeline(_ spans: [RegisterSummary.Span]) -> String {
        guard !spans.isEmpty else { return "—" }
        return spans.map { span in
            let what = switch span.source {
            case .report: "report"
            case .bridgeLetter: "bridge letter"
            case .gap: "no coverage"
            }
            return "\(span.start)–\(span.end) \(what)"
        }.joined(separator: "; ")
    }
}

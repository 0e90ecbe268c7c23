/// The operation section of the description document (HTML and Markdown): the heat map of every
/// periodic control over the months of the period, the missing, late and exception runs under
/// it, the samples, and any artefact that is not the one its record names.
enum RunDocumentSection {
    static let anchor = "section-operation"

    static func make(_ runs: RunPopulation) -> DocumentSection {
        let calendar = runs.calendar
        var blocks: [DocumentBlock] = []
        guard let period = calendar.period else { return DocumentSection(anchor: anchor, criterion: nil, title: "Operation of controls", blocks: blocks) }
        let occurrences = calendar.controls.reduce(0) { $0 + $1.occurrences.count }
        blocks.append(.facts([
            DocumentFact(label: "Period", value: "\(period.start) to \(period.end)"),
            DocumentFact(label: "Judged on", value: calendar.judgedOn.description),
            DocumentFact(label: "Occurrences", value: "\(occurrences) of \(calendar.controls.count) periodic controls: " + RunStatus.allCases.map { "\(calendar.count($0)) \($0.rawValue)" }.joined(separator: ", ")),
        ]))
        if calendar.controls.isEmpty {
            blocks.append(.paragraph("No periodic control expects runs in the period."))
            return DocumentSection(anchor: anchor, criterion: nil, title: "Operation of controls", blocks: blocks)
        }
        blocks.append(.heatMap(heatMap(calendar, period: period)))
        blocks.append(.heading("Missing and late runs", anchor: "operation-problems"))
        let problems = calendar.controls.flatMap { control in problemRows(control).map { (control, $0) } }
        if problems.isEmpty {
            blocks.append(.paragraph("None: every occurrence due by \(calendar.judgedOn) was performed on time, without exceptions."))
        } else {
            blocks.append(.table(DocumentTable(
                columns: ["Control", "Occurrence", "Status", "Due", "Performed", "Record"],
                rows: problems.map { control, row in
                    let expected = row.first
                    let occurrence = row.count == 1 ? expected.occurrence.name : "\(expected.occurrence.name) to \(row.last.occurrence.name) (\(row.count))"
                    let due = row.count == 1 ? expected.due.description : "\(expected.due) to \(row.last.due)"
                    return [DocumentCell(control.id, anchor: DescriptionDocument.controlAnchor(control.id)), DocumentCell(occurrence),
                            DocumentCell("\(expected.status.mark) \(expected.status.rawValue)", flagged: expected.status == .missing),
                            DocumentCell(due), DocumentCell(expected.record?.performed?.value.description ?? "—"),
                            DocumentCell(expected.record?.file ?? "none", flagged: expected.record == nil)]
                }, groupsByFirstColumn: true)))
        }
        if !runs.samples.isEmpty {
            blocks.append(.heading("Samples", anchor: "operation-samples"))
            blocks.append(.paragraph("Each control's occurrences due by \(calendar.judgedOn), ranked by \(RunSample.algorithm) with seed '\(RunPopulation.seed(period))', sized by the control's frequency: 'vouch runs sample --control ID --as-of \(calendar.judgedOn)' draws the same."))
            blocks.append(.table(DocumentTable(
                columns: ["Control", "Frequency", "Sample", "Of"],
                rows: runs.samples.map { sample in
                    [DocumentCell(sample.control.id), DocumentCell(sample.control.frequency.rawValue),
                     DocumentCell(sample.sample.map { "\($0.occurrence.name) \($0.status.mark)" }.joined(separator: ", ")), DocumentCell(String(sample.population.count))]
                })))
        }
        if !runs.artifacts.isEmpty {
            blocks.append(.heading("Run artefacts", anchor: "operation-artifacts"))
            let files = runs.artifacts.filter { $0.packagePath != nil }.count
            blocks.append(.paragraph("\(runs.artifacts.count) artefacts named by run records: \(files) copied under \(ExportArtifact.folder) and hashed in the manifest, \(runs.artifacts.filter { $0.status == .external }.count) kept elsewhere with their recorded SHA-256."))
            for artifact in runs.problems {
                switch artifact.status {
                case .mismatch:
                    blocks.append(.missing("\(artifact.reference) (\(artifact.record)): its SHA-256 is \(artifact.found ?? ""), not the \(artifact.recorded ?? "none") the record gives; copied as the commit holds it."))
                default:
                    blocks.append(.missing("\(artifact.reference) (\(artifact.record)): not in the commit."))
                }
            }
        }
        return DocumentSection(anchor: anchor, criterion: nil, title: "Operation of controls", blocks: blocks)
    }

    /// One row of the problems table: an occurrence, or a run of consecutive missing occurrences
    /// without a record (a daily control left unevidenced for a month is one row, not thirty).
    struct ProblemRow {
        var first: ExpectedRun
        var last: ExpectedRun
        var count: Int
    }

    /// The control's missing, late and exception occurrences, in order, consecutive missing
    /// occurrences without a record gathered into one row.
    static func problemRows(_ control: ControlRuns) -> [ProblemRow] {
        var rows: [ProblemRow] = []
        var gathering = false
        for expected in control.occurrences {
            let unrecorded = expected.status == .missing && expected.record == nil
            defer { gathering = unrecorded }
            guard [.missing, .late, .exception].contains(expected.status) else { continue }
            if unrecorded, gathering, let last = rows.indices.last {
                rows[last].last = expected
                rows[last].count += 1
            } else {
                rows.append(ProblemRow(first: expected, last: expected, count: 1))
            }
        }
        return rows
    }

    /// The months of the period, and each control's occurrences placed in them: an occurrence of a
    /// month or longer spans its months; shorter ones (weekly, daily) are gathered by the month
    /// they end in, showing the worst status.
    static func heatMap(_ calendar: RunCalendar, period: ReportPeriod) -> DocumentHeatMap {
        let first = period.start.year * 12 + period.start.month - 1
        let last = period.end.year * 12 + period.end.month - 1
        let multiYear = period.start.year != period.end.year
        let columns = (first...last).map { index in
            RunCalendarReporter.months[index % 12] + (multiYear ? " \(index / 12)" : "")
        }
        func month(_ date: CalendarDate) -> Int { min(max(date.year * 12 + date.month - 1, first), last) - first }
        let rows = calendar.controls.map { control in
            var slots: [(start: Int, span: Int, status: RunStatus, title: String)] = []
            switch RunOccurrence.cadence(of: control.frequency) {
            case .weekly?, .daily?:
                var byMonth: [Int: [ExpectedRun]] = [:]
                for expected in control.occurrences { byMonth[month(expected.occurrence.end), default: []].append(expected) }
                for (index, expected) in byMonth.sorted(by: { $0.key < $1.key }) {
                    let worst = expected.map(\.status).max { RunCalendarReporter.severity($0) < RunCalendarReporter.severity($1) } ?? .upcoming
                    let counts = RunStatus.allCases.compactMap { status -> String? in
                        let count = expected.filter { $0.status == status }.count
                        return count == 0 ? nil : "\(count) \(status.rawValue)"
                    }
                    slots.append((index, 1, worst, "\(columns[index]): \(expected.count) occurrences, " + counts.joined(separator: ", ")))
                }
            default:
                for expected in control.occurrences {
                    let start = month(max(expected.occurrence.start, period.start)), end = month(min(expected.occurrence.end, period.end))
                    slots.append((start, end - start + 1, expected.status, "\(expected.occurrence.name) \(expected.status.rawValue)"))
                }
            }
            var cells: [DocumentHeatMap.Cell] = []
            var next = 0
            for slot in slots where slot.start >= next {
                for _ in next..<slot.start { cells.append(DocumentHeatMap.Cell(span: 1, status: nil, title: "not expected")) }
                cells.append(DocumentHeatMap.Cell(span: slot.span, status: slot.status, title: slot.title))
                next = slot.start + slot.span
            }
            for _ in next..<columns.count { cells.append(DocumentHeatMap.Cell(span: 1, status: nil, title: "not expected")) }
            return DocumentHeatMap.Row(label: control.id, detail: control.frequency.rawValue, cells: cells)
        }
        return DocumentHeatMap(corner: "Control", columns: columns, rows: rows)
    }
}

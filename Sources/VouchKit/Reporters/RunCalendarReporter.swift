/// `vouch runs`: each periodic control's occurrences with their status and record, as a compact
/// calendar (text), JSON or CSV; and a sample of one control's occurrences.
public enum RunCalendarReporter {
    public static func render(_ calendar: RunCalendar, controls: [ControlRuns], format: RunsFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("period", period(calendar)),
                ("judgedOn", .string(calendar.judgedOn.description)),
                ("controls", .array(controls.map(json))),
                ("summary", summary(calendar, controls)),
            ]).serialized() + "\n"
        case .csv:
            return CSV.document(header: csvHeader, rows: controls.flatMap { runs in runs.occurrences.map { csvRow(runs, $0) } })
        case .text:
            guard let period = calendar.period else {
                return "No Type 2 report period in vouch.yml: a Type 1 report judges design at a date, so no runs are expected.\n"
            }
            let width = controls.map(\.id.count).max() ?? 0
            var lines = ["Runs \(period.start) to \(period.end), judged on \(calendar.judgedOn):"]
            for runs in controls {
                lines.append(runs.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + runs.frequency.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + cells(runs).joined(separator: "  "))
            }
            lines.append("")
            lines.append("\(controls.count) controls, \(controls.reduce(0) { $0 + $1.occurrences.count }) occurrences: " + RunStatus.allCases.map { "\(calendar.count($0, in: controls)) \($0.rawValue)" }.joined(separator: ", "))
            // Occurrences begun but not yet due are listed too, so a scheduled job can remind their owners.
            let listed = controls.flatMap { runs in runs.occurrences.filter { [.missing, .late, .exception, .due].contains($0.status) }.map { (runs.id, $0) } }
            for (id, expected) in listed {
                let detail = expected.record.map { " (\($0.file))" } ?? (expected.status == .due ? " by \(expected.due), no record yet" : ", was due by \(expected.due)")
                lines.append("  \(id) \(expected.occurrence.name): \(expected.status.rawValue)" + detail)
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    public static func render(_ sample: RunSample, format: RunsFormat) -> String {
        switch format {
        case .json:
            return json(sample).serialized() + "\n"
        case .csv:
            return CSV.document(header: csvHeader, rows: sample.sample.map { csvRow(sample.control, $0) })
        case .text:
            var lines = ["\(sample.control.id) (\(sample.control.frequency.rawValue)): sample of \(sample.sample.count) of \(sample.population.count) occurrences due by now, seed '\(sample.seed)' (\(RunSample.algorithm))"]
            if let guidance = sample.guidance { lines.append("Size: \(guidance)") }
            for expected in sample.sample {
                lines.append("  \(expected.occurrence.name)  \(expected.status.symbol) \(expected.status.rawValue)" + (expected.record.map { "  \($0.file)" } ?? ""))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func json(_ sample: RunSample) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("control", .string(sample.control.id)), ("frequency", .string(sample.control.frequency.rawValue)),
            ("population", .int(sample.population.count)), ("size", .int(sample.sample.count)),
            ("seed", .string(sample.seed)), ("algorithm", .string(RunSample.algorithm)),
        ]
        if let guidance = sample.guidance { members.append(("guidance", .string(guidance))) }
        members.append(("occurrences", .array(sample.sample.map(occurrence))))
        return .object(members)
    }

    /// The calendar's cells: each occurrence for annual, quarterly and monthly controls; a month
    /// each for weekly and daily ones (its worst status, and how many occurrences are not recorded).
    static func cells(_ runs: ControlRuns) -> [String] {
        switch runs.frequency {
        case .weekly, .daily:
            var months: [(String, [ExpectedRun])] = []
            for expected in runs.occurrences {
                let key = monthName(expected.occurrence.end)
                if months.last?.0 == key { months[months.count - 1].1.append(expected) } else { months.append((key, [expected])) }
            }
            return months.map { name, occurrences in
                let worst = occurrences.map(\.status).min { severity($0) > severity($1) } ?? .upcoming
                let open = occurrences.filter { $0.status != .recorded }.count
                return "\(name) \(worst.symbol)" + (worst == .recorded || open == occurrences.count ? suffix(worst) : " \(open) \(worst.rawValue)")
            }
        default:
            return runs.occurrences.map { "\(label($0.occurrence, runs.frequency)) \($0.status.symbol)\(suffix($0.status))" }
        }
    }

    /// Worse statuses first, for a month's cell.
    static func severity(_ status: RunStatus) -> Int {
        switch status {
        case .missing: 5
        case .exception: 4
        case .late: 3
        case .due: 2
        case .recorded: 1
        case .upcoming: 0
        }
    }

    static func suffix(_ status: RunStatus) -> String {
        switch status {
        case .recorded, .missing, .upcoming: ""
        case .late: " late"
        case .exception: " exceptions"
        case .due: " due"
        }
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func monthName(_ date: CalendarDate) -> String { months[date.month - 1] }

    static func label(_ occurrence: RunOccurrence, _ frequency: ControlFrequency) -> String {
        switch RunOccurrence.cadence(of: frequency) {
        case .quarterly?: String(occurrence.name.suffix(2))
        case .monthly?: monthName(occurrence.start)
        default: occurrence.name
        }
    }

    static func period(_ calendar: RunCalendar) -> JSONValue {
        calendar.period.map { .object([("start", .string($0.start.description)), ("end", .string($0.end.description))]) } ?? .null
    }

    static func summary(_ calendar: RunCalendar, _ controls: [ControlRuns]) -> JSONValue {
        .object([("controls", .int(controls.count)), ("occurrences", .int(controls.reduce(0) { $0 + $1.occurrences.count }))]
            + RunStatus.allCases.map { ($0.rawValue, .int(calendar.count($0, in: controls))) })
    }

    static func json(_ runs: ControlRuns) -> JSONValue {
        .object([
            ("id", .string(runs.id)), ("frequency", .string(runs.frequency.rawValue)), ("file", .string(runs.control.file)),
            ("dueDays", .int(runs.schedule.dueDays)), ("reviewerRequired", .bool(runs.schedule.reviewerRequired)),
            ("occurrences", .array(runs.occurrences.map(occurrence))),
        ])
    }

    public static func occurrence(_ expected: ExpectedRun) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("occurrence", .string(expected.occurrence.name)), ("start", .string(expected.occurrence.start.description)),
            ("end", .string(expected.occurrence.end.description)), ("due", .string(expected.due.description)), ("status", .string(expected.status.rawValue)),
        ]
        if let record = expected.record { members.append(("record", self.record(record))) }
        return .object(members)
    }

    static func record(_ record: RunRecord) -> JSONValue {
        .object([
            ("file", .string(record.file)),
            ("performed", record.performed.map { .string($0.value.description) } ?? .null),
            ("performed_by", record.performedBy.map { .string($0.value.description) } ?? .null),
            ("reviewed_by", record.reviewedBy.map { .string($0.value.description) } ?? .null),
            ("result", record.result.map { .string($0.value.rawValue) } ?? .null),
            ("covers", record.covers.map { .string("\($0.first)..\($0.last)") } ?? .null),
            ("exceptions", .array(record.exceptions.map { exception in
                .object([("finding", exception.finding.map { .string($0.value) } ?? .null), ("remediation", exception.remediation.map { .string($0.value) } ?? .null), ("ticket", exception.ticket.map { .string($0.value) } ?? .null)])
            })),
            ("artifacts", .array(record.artifacts.map { artifact in
                .object([(artifact.file != nil ? "file" : "url", .string(artifact.reference)), ("sha256", artifact.sha256.map { .string($0.value) } ?? .null)])
            })),
        ])
    }

    static let csvHeader = ["control", "frequency", "occurrence", "start", "end", "due", "status", "file", "performed", "performed_by", "reviewed_by", "result", "artifacts"]

    static func csvRow(_ runs: ControlRuns, _ expected: ExpectedRun) -> [String] {
        let record = expected.record
        return [runs.id, runs.frequency.rawValue, expected.occurrence.name, expected.occurrence.start.description, expected.occurrence.end.description,
                expected.due.description, expected.status.rawValue, record?.file ?? "", record?.performed?.value.description ?? "",
                record?.performedBy?.value.description ?? "", record?.reviewedBy?.value.description ?? "", record?.result?.value.rawValue ?? "",
                (record?.artifacts ?? []).map { "\($0.reference) sha256:\($0.sha256?.value ?? "none")" }.joined(separator: "; ")]
    }
}

/// Whether a run record's occurrence fits its control's frequency and its file name, and which
/// occurrences it evidences (one, or each of a `covers:` span).
enum RunRecordCheck {
    enum Outcome: Sendable {
        case valid([RunOccurrence])
        /// Why not, and where to point.
        case invalid(String, SourceLocation)
    }

    /// Spans longer than this are refused: a record covers at most a year of daily occurrences.
    static let longestSpan = 366

    static func occurrences(of record: RunRecord, frequency: ControlFrequency) -> Outcome {
        guard RunOccurrence.cadence(of: frequency) != nil else {
            return .invalid("control '\(record.control.value)' operates per change: its evidence is the change population (vouch evidence), not run records", record.control.location)
        }
        guard let occurrence = RunOccurrence(record.occurrence.value, frequency: frequency) else {
            return .invalid("occurrence '\(record.occurrence.value)' does not fit a \(frequency.rawValue) control; write \(RunOccurrence.pattern(of: frequency))", record.occurrence.location)
        }
        if let parts = record.pathParts {
            if parts.control != record.control.value {
                return .invalid("the record is filed under runs/\(parts.control)/ but names control '\(record.control.value)'; move it to runs/\(record.control.value)/\(record.occurrence.value).md", record.control.location)
            }
            if parts.occurrence != record.occurrence.value {
                return .invalid("occurrence '\(record.occurrence.value)' does not match the file name '\(parts.occurrence).md'; name the file runs/\(record.control.value)/\(record.occurrence.value).md", record.occurrence.location)
            }
        }
        guard let covers = record.covers else { return .valid([occurrence]) }
        guard let first = RunOccurrence(covers.first, frequency: frequency), let last = RunOccurrence(covers.last, frequency: frequency) else {
            return .invalid("'covers: \(covers.first)..\(covers.last)' must span occurrences of a \(frequency.rawValue) control, written \(RunOccurrence.pattern(of: frequency))", covers.location)
        }
        guard first == occurrence else {
            return .invalid("a span starts at the record's occurrence: write 'covers: \(occurrence.name)..\(covers.last)', or name the record after \(first.name)", covers.location)
        }
        guard first.start <= last.start else {
            return .invalid("'covers' ends (\(last.name)) before it starts (\(first.name)); swap them", covers.location)
        }
        var span = [first]
        while let next = span.last!.next(frequency: frequency), next.start <= last.start {
            guard span.count < longestSpan else {
                return .invalid("'covers' spans more than \(longestSpan) occurrences; split it into several records", covers.location)
            }
            span.append(next)
        }
        return .valid(span)
    }
}

import Foundation

/// Writes a run record (`vouch runs record`): `runs/<control>/<occurrence>.md`, with each attached
/// file copied into `runs/<control>/<occurrence>/` and its SHA-256 written beside it. Refuses to
/// overwrite anything, and refuses attachments over `RunArtifact.maximumSize`.
public struct RunRecordWriter {
    public struct Request: Sendable {
        public var control: String
        /// Nil: the oldest occurrence of the period, up to the one holding `performed`, without a record.
        public var occurrence: String?
        public var performed: CalendarDate
        public var result: RunResult
        public var performedBy: Identity
        public var reviewedBy: Identity?
        /// Files to copy in, as paths on this machine.
        public var attachments: [URL]
        /// Each exception found, with its remediation.
        public var exceptions: [(finding: String, remediation: String)]
        public var message: String?

        public init(control: String, occurrence: String?, performed: CalendarDate, result: RunResult, performedBy: Identity, reviewedBy: Identity?, attachments: [URL], exceptions: [(finding: String, remediation: String)], message: String?) {
            self.control = control
            self.occurrence = occurrence
            self.performed = performed
            self.result = result
            self.performedBy = performedBy
            self.reviewedBy = reviewedBy
            self.attachments = attachments
            self.exceptions = exceptions
            self.message = message
        }
    }

    public enum Problem: VouchError, CustomStringConvertible {
        case unknownControl(String, suggestion: String)
        case notPeriodic(String, ControlFrequency?)
        case invalidOccurrence(String, ControlFrequency)
        case noOpenOccurrence(String)
        case exists(String)
        case tooLarge(String, Int)
        case unreadable(String)
        case exceptionsNeeded

        public var description: String {
            switch self {
            case .unknownControl(let id, let suggestion): "no control '\(id)' in the program\(suggestion)"
            case .notPeriodic(let id, let frequency):
                frequency == .perChange ? "\(id) operates per change: its evidence is the change population (vouch evidence), not run records"
                    : "\(id) has no periodic 'frequency'; give it one (daily, weekly, monthly, quarterly, annually or continuous) first"
            case .invalidOccurrence(let occurrence, let frequency): "occurrence '\(occurrence)' does not fit a \(frequency.rawValue) control; write \(RunOccurrence.pattern(of: frequency))"
            case .noOpenOccurrence(let id): "every occurrence of \(id) up to the performed date has a record; name one with --occurrence"
            case .exists(let path): "\(path) already exists; a run record is never overwritten (edit it, or record another occurrence)"
            case .tooLarge(let path, let size): "\(path) is \(size) bytes, over the \(RunArtifact.maximumSize)-byte limit for artefacts kept in the repository; keep it elsewhere and name it in the record by 'url:' with its 'sha256:'"
            case .unreadable(let path): "cannot read \(path)"
            case .exceptionsNeeded: "--result exceptions needs each exception with --exception TEXT and --remediation TEXT"
            }
        }

        public var exitStatus: ExitStatus { .failure }
    }

    public let program: Program
    /// The program's root folder.
    public let root: URL

    public init(program: Program, root: URL) {
        self.program = program
        self.root = root
    }

    /// The occurrence a request records: the one it names, or the oldest without a record.
    public func occurrence(for request: Request) throws -> (Control, RunOccurrence) {
        guard let control = program.controls.first(where: { $0.id.value == request.control }) else {
            throw Problem.unknownControl(request.control, suggestion: DidYouMean.hint(for: request.control, in: program.controls.map(\.id.value).sorted()))
        }
        guard let frequency = control.frequency?.value, RunOccurrence.cadence(of: frequency) != nil else { throw Problem.notPeriodic(request.control, control.frequency?.value) }
        if let written = request.occurrence {
            guard let occurrence = RunOccurrence(written, frequency: frequency) else { throw Problem.invalidOccurrence(written, frequency) }
            return (control, occurrence)
        }
        let recorded = Set(program.runs.filter { $0.control.value == request.control }.map(\.occurrence.value))
        let current = RunOccurrence.containing(request.performed, frequency: frequency)!
        let start = program.configuration.runPeriod?.start ?? current.start
        let candidates = start <= current.start ? RunOccurrence.all(frequency, overlapping: ReportPeriod(start: start, end: current.start)) : [current]
        guard let open = candidates.first(where: { !recorded.contains($0.name) }) else { throw Problem.noOpenOccurrence(request.control) }
        return (control, open)
    }

    /// Writes the record and its attachments; returns the paths written, relative to the root.
    public func write(_ request: Request) throws -> [String] {
        if request.result == .exceptions, request.exceptions.isEmpty { throw Problem.exceptionsNeeded }
        let (control, occurrence) = try occurrence(for: request)
        let folder = "\(ProgramLayout.runsFolder)/\(control.id.value)/\(occurrence.name)"
        let recordPath = folder + ".md"
        guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(recordPath).path) else { throw Problem.exists(recordPath) }
        var artifacts: [(path: String, bytes: Data)] = []
        for attachment in request.attachments {
            let attributes = try? FileManager.default.attributesOfItem(atPath: attachment.path)
            guard let size = (attributes?[.size] as? NSNumber)?.intValue else { throw Problem.unreadable(attachment.path) }
            guard size <= RunArtifact.maximumSize else { throw Problem.tooLarge(attachment.path, size) }
            guard let bytes = try? Data(contentsOf: attachment) else { throw Problem.unreadable(attachment.path) }
            let path = folder + "/" + attachment.lastPathComponent
            guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), !artifacts.contains(where: { $0.path == path }) else { throw Problem.exists(path) }
            artifacts.append((path, bytes))
        }
        var lines = ["---", "control: \(control.id.value)", "occurrence: \(occurrence.name)", "performed: \(request.performed)",
                     "performed_by: " + StarterProgram.yamlQuoted(request.performedBy.description)]
        if let reviewer = request.reviewedBy { lines.append("reviewed_by: " + StarterProgram.yamlQuoted(reviewer.description)) }
        lines.append("result: \(request.result.rawValue)")
        if !request.exceptions.isEmpty {
            lines.append("exceptions:")
            for exception in request.exceptions {
                lines.append("  - finding: " + StarterProgram.yamlQuoted(exception.finding))
                lines.append("    remediation: " + StarterProgram.yamlQuoted(exception.remediation))
            }
        }
        if !artifacts.isEmpty {
            lines.append("artifacts:")
            for artifact in artifacts {
                lines.append("  - file: " + StarterProgram.yamlQuoted(artifact.path))
                lines.append("    sha256: " + SHA256.hex(SHA256.hash([UInt8](artifact.bytes))))
            }
        }
        lines.append("---")
        lines.append(request.message ?? "\(control.title?.value ?? control.id.value): the run for \(occurrence.name), performed by \(request.performedBy.name.isEmpty ? request.performedBy.email : request.performedBy.name) on \(request.performed).")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(artifacts.isEmpty ? "\(ProgramLayout.runsFolder)/\(control.id.value)" : folder), withIntermediateDirectories: true)
        for artifact in artifacts {
            try artifact.bytes.write(to: root.appendingPathComponent(artifact.path), options: .withoutOverwriting)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent(recordPath), options: .withoutOverwriting)
        return artifacts.map(\.path) + [recordPath]
    }
}

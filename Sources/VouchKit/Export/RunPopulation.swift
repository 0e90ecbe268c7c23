/// The operation of the periodic controls as a package shows it: every expected occurrence of the
/// Type 2 period with its status and record (the `vouch runs` calendar), a reproducible sample
/// of each control's occurrences (the `vouch runs sample` ranking, sized by the frequency table,
/// seeded with the period), and every artefact the records name, checked against the hash the
/// record gives. Judged on one day the package records, so a rebuild judges alike.
public struct RunPopulation: Sendable {
    /// One artefact a run record names, as the export found it at the commit.
    public struct Artifact: Sendable, Hashable {
        public enum Status: String, Sendable, CaseIterable {
            /// A file of the commit whose SHA-256 is the recorded one: copied into the package.
            case matches
            /// A file of the commit whose SHA-256 is not the recorded one (or none is recorded):
            /// copied as it is, the difference recorded.
            case mismatch
            /// A file the commit does not hold.
            case missing
            /// Kept elsewhere (`url:`): listed with its recorded hash, not copied.
            case external
        }

        /// The run record naming it.
        public var record: String
        /// The program path (`file:`) or the URL (`url:`).
        public var reference: String
        public var isFile: Bool
        /// The SHA-256 the record gives, lower-cased.
        public var recorded: String?
        /// The SHA-256 of the file at the commit.
        public var found: String?
        public var status: Status

        /// Where the package holds its copy, for a file of the commit.
        public var packagePath: String? { isFile && found != nil ? ExportArtifact.folder + reference : nil }
    }

    public var calendar: RunCalendar
    /// Each control with occurrences due by the judging day, in id order.
    public var samples: [RunSample]
    /// Every artefact of every run record, by record and then as the record lists them.
    public var artifacts: [Artifact]

    /// The seed of the package's run samples: the period, as `vouch runs sample` defaults to.
    public static func seed(_ period: ReportPeriod) -> String { "\(period.start)..\(period.end)" }

    /// Nil when the program expects no runs (no Type 2 period).
    public init?(program: Program, judgedOn: CalendarDate) {
        let calendar = RunCalendar(program: program, judgedOn: judgedOn)
        guard let period = calendar.period else { return nil }
        self.calendar = calendar
        let seed = Self.seed(period)
        samples = calendar.controls.map { RunSample($0, size: nil, seed: seed, sizes: program.configuration.sampleSizes) }.filter { !$0.population.isEmpty }
        artifacts = program.runs.sorted { $0.file < $1.file }.flatMap { record in
            record.artifacts.compactMap { artifact -> Artifact? in
                let recorded = artifact.sha256?.value.lowercased()
                if artifact.file == nil, artifact.url != nil {
                    return Artifact(record: record.file, reference: artifact.reference, isFile: false, recorded: recorded, found: nil, status: .external)
                }
                guard let path = artifact.file?.value else { return nil }
                let found = program.runArtifacts[path]
                let status: Artifact.Status = found == nil ? .missing : found == recorded ? .matches : .mismatch
                return Artifact(record: record.file, reference: path, isFile: true, recorded: recorded, found: found, status: status)
            }
        }
    }

    /// The artefacts whose file is not the one recorded, or not there.
    public var problems: [Artifact] { artifacts.filter { $0.status == .mismatch || $0.status == .missing } }
}

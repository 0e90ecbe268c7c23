/// The audit period of a report, both days included.
public struct ReportPeriod: Hashable, Sendable, Codable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }
}

/// A criterion that does not apply to the system, with the reason the description gives (DC8).
public struct Exclusion: Sendable {
    public var criterion: Located<String>
    public var reason: Located<String>?
}

public struct SOC2Report: Sendable {
    public var type: Int
    public var period: ReportPeriod?
    /// In-scope categories as written; security is always in scope, written or not.
    public var categories: [Located<TrustServicesCategory>]
    public var exclusions: [Exclusion]
    /// Where `soc2:` is written: findings about the report as a whole point here.
    public var location: SourceLocation

    public var categoriesInScope: Set<TrustServicesCategory> {
        Set(categories.map(\.value)).union([.security])
    }

    /// Where findings about a category's coverage point: its entry in `categories`, or `soc2:`.
    public func location(of category: TrustServicesCategory) -> SourceLocation {
        categories.first { $0.value == category }?.location ?? location
    }
}

public struct SOC1Report: Sendable {
    public var type: Int
    public var period: ReportPeriod?
    public var location: SourceLocation
}

/// The `change_management:` settings that drive `vouch evidence`.
public struct ChangeManagementSettings: Sendable {
    /// The branch whose first-parent history is the change population; nil means the branch HEAD is on.
    public var branch: String?
    /// Globs of the paths whose changes are in scope (`**` is everything).
    public var paths: [String] = ["**"]
    public var requiredApprovals: Int = 1
    public var requireSigned: Bool = false
    /// Days after landing within which an emergency change must receive an approval note.
    public var emergencyReviewDays: Int = 5
    /// Extra globs (on top of the built-in list) whose changes are flagged for attention.
    public var sensitivePaths: [String] = []
    /// Identities (emails or name patterns) of automation accounts, e.g. `*[bot]`.
    public var bots: [String] = []
    /// `allowed_signers`: the path (from the repository root) of the SSH allowed-signers file, in
    /// git's format, read at the branch tip.
    public var allowedSigners: String?
    /// `keyring`: the path of the armored OpenPGP public keys, read at the branch tip.
    public var keyring: String?
    /// `approvals.sign`: whether `vouch approve` signs approvals without `--sign`.
    public var signApprovals = false
    /// `require_signed_approvals`: an approval counts only when its signature verifies against
    /// the allowed signers and its signer is the identity it names.
    public var requireSignedApprovals = false
    /// Where `change_management:` is written (or the top of `vouch.yml`).
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// `vouch.yml`: who the program belongs to, which reports it serves and how evidence is read.
public struct Configuration: Sendable {
    public static let fileName = "vouch.yml"
    public static let defaultReviewIntervalDays = 365

    public var organization: Located<String>?
    public var system: Located<String>?
    public var soc2: SOC2Report?
    public var soc1: SOC1Report?
    public var changeManagement: ChangeManagementSettings
    public var reviewIntervalDays: Int = Configuration.defaultReviewIntervalDays
    /// `sampling:`: sample sizes the auditor chose, by how often the control operates; they replace
    /// the built-in table (`SampleGuidance`) for the frequencies they name.
    public var sampleSizes: [ControlFrequency: Int] = [:]

    public static let defaultAcknowledgeWithinDays = 30
    /// `risk_appetite:`: the highest residual score (likelihood × impact) management accepts; nil: none set.
    public var riskAppetite: Located<Int>?
    /// `policies.acknowledge_within_days`: days a person has to acknowledge a policy's current version.
    public var acknowledgeWithinDays: Int = Configuration.defaultAcknowledgeWithinDays

    public init(changeManagement: ChangeManagementSettings) {
        self.changeManagement = changeManagement
    }

    /// The configuration used when `vouch.yml` cannot be read at all, so other files are still checked.
    public static var fallback: Configuration {
        Configuration(changeManagement: ChangeManagementSettings(location: SourceLocation(file: fileName)))
    }

    /// The period findings and evidence default to: the SOC 2 period, else the SOC 1 period.
    public var period: ReportPeriod? { soc2?.period ?? soc1?.period }

    /// The period over which periodic controls must show they operated: that of the Type 2 reports
    /// (both, when SOC 2 and SOC 1 are Type 2, from the earlier start to the later end). A Type 1
    /// report judges design at a date, so it requires no runs.
    public var runPeriod: ReportPeriod? {
        let periods = [soc2.flatMap { $0.type == 2 ? $0.period : nil }, soc1.flatMap { $0.type == 2 ? $0.period : nil }].compactMap { $0 }
        guard let first = periods.first else { return nil }
        return periods.dropFirst().reduce(first) { ReportPeriod(start: min($0.start, $1.start), end: max($0.end, $1.end)) }
    }
}

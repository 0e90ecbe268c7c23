/// One assurance item of a vendor: a SOC report, certificate, pentest or questionnaire.
public struct VendorAssurance: Sendable {
    public var kind: Located<AssuranceKind>
    public var type: Located<Int>?
    public var period: ReportPeriod?
    public var periodLocation: SourceLocation
    public var received: Located<CalendarDate>?
    public var opinion: Located<AssuranceOpinion>?
    public var exceptionsNoted: Located<Bool>?
    public var bridgeLetter: BridgeLetter?
    /// A report file in the program (`vendors/reports/…`), or where it can be fetched.
    public var file: Located<String>?
    public var url: Located<String>?
    public var sha256: Located<String>?
    public var location: SourceLocation

    /// The last day this item speaks for: its period's end, or its bridge letter's.
    public var coveredThrough: CalendarDate? {
        guard let period else { return nil }
        return max(period.end, bridgeLetter?.through.value ?? period.end)
    }

    /// Whether the opinion or the exceptions call for an assessment written in the vendor's body.
    public var needsAssessment: Bool {
        (opinion.map { $0.value != .unqualified } ?? false) || (exceptionsNoted?.value ?? false)
    }
}

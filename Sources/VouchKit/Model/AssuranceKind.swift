/// The kind of assurance a vendor gives: an attestation report, a certificate, a test, or answers.
public enum AssuranceKind: String, CaseIterable, Sendable, Codable {
    case soc1, soc2, iso27001, pentest, questionnaire

    /// Reports with a period the auditor relies on for a subservice organisation's controls.
    public var isAttestation: Bool { self == .soc1 || self == .soc2 || self == .iso27001 }
}

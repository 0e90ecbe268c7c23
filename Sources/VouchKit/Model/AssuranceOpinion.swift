/// The opinion of a vendor's auditor.
public enum AssuranceOpinion: String, CaseIterable, Sendable, Codable {
    case unqualified, qualified, adverse, disclaimer
}

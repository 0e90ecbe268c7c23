/// What a run of a control found.
public enum RunResult: String, CaseIterable, Sendable, Codable {
    case effective, exceptions
    case notPerformed = "not-performed"
}

/// Where one expected occurrence of a control stands on the judging date.
public enum RunStatus: String, CaseIterable, Sendable, Codable {
    /// Performed by its due date, no exceptions.
    case recorded
    /// Performed, after its due date.
    case late
    /// Performed, with exceptions.
    case exception
    /// Past its due date with no record, or recorded as not performed.
    case missing
    /// Begun or ended, its due date not yet passed, no record yet.
    case due
    /// Not begun yet.
    case upcoming

    /// The symbol calendars show beside the colour, so they read in print and without colour.
    public var symbol: String {
        switch self {
        case .recorded: "✔"
        case .late: "✔"
        case .exception: "!"
        case .missing: "✘"
        case .due: "…"
        case .upcoming: "·"
        }
    }
}

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

    /// A mark distinct for every status (`symbol` shows late as a second ✔ beside the word
    /// "late"), for cells that carry no words: the export's heat map.
    public var mark: String {
        switch self {
        case .recorded: "✔"
        case .late: "L"
        case .exception: "!"
        case .missing: "✘"
        case .due: "…"
        case .upcoming: "·"
        }
    }
}

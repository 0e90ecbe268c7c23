/// Why a check could not run at all (as opposed to the findings it reports).
public enum CheckError: VouchError, Sendable, CustomStringConvertible {
    case notInRepository(String)

    public var description: String {
        switch self {
        case .notInRepository(let place):
            "evaluating changes needs the program's git repository, and \(place) is not inside one; drop --range/--since/--until to lint only"
        }
    }
}

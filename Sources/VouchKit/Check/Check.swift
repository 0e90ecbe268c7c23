/// Which git changes `vouch check` evaluates besides the program files.
public enum ChangeSelection: Sendable, Equatable {
    /// A revision range, `A..B`: the first-parent changes reachable from B and not from A.
    case range(String)
    /// The changes landed between two days (both included); nil ends fall back to the report period.
    case period(since: CalendarDate?, until: CalendarDate?)
}

/// Why a check could not run at all (as opposed to the findings it reports).
public enum CheckError: Error, Sendable, CustomStringConvertible {
    case notInRepository(String)
    case shallowClone(CIEnvironment)
    case changesUnavailable

    public var description: String {
        switch self {
        case .notInRepository(let place):
            "evaluating changes needs the program's git repository, and \(place) is not inside one; drop --range/--since/--until to lint only"
        case .shallowClone(let environment):
            "this clone is shallow, so the history of the changes is incomplete and no population can be drawn from it; \(environment.unshallowAdvice)"
        case .changesUnavailable:
            "this version of vouch cannot evaluate changes yet; drop --range/--since/--until to lint only"
        }
    }
}

/// `vouch check`: one gate for pipelines, the lint findings plus the change-management
/// exceptions of the selected changes.
public enum Check {
    public static func run(_ program: Program, in location: ProgramLocation, changes selection: ChangeSelection?, environment: [String: String], options: LintOptions = LintOptions()) throws -> LintReport {
        let report = Linter.lint(program, options: options)
        guard selection != nil else { return report }
        guard let root = location.repositoryRoot, let repository = try Repository.discover(from: root.path) else {
            throw CheckError.notInRepository(location.root.path)
        }
        // Fail closed: a partial history would present a partial population as complete.
        guard !repository.isShallow else { throw CheckError.shallowClone(CIEnvironment.detect(environment)) }
        throw CheckError.changesUnavailable
    }
}

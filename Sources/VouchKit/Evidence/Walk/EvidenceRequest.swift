/// What to read: the period (or a revision range), the branch, and the instant of judgement.
public struct EvidenceRequest: Sendable {
    public enum Selection: Sendable, Hashable {
        /// Changes whose committer time falls on these UTC days (both included); nil is open.
        case period(since: CalendarDate?, until: CalendarDate?)
        /// `OLD..NEW`: the first-parent changes of NEW that OLD does not contain.
        case range(String)
    }

    /// Nil: the report period of `vouch.yml`.
    public var selection: Selection?
    /// Overrides `change_management.branch`.
    public var branch: String?
    public var now: Timestamp
    /// The program's folder inside the repository ("" or "a/b/"), for the sensitive program
    /// paths; nil when the program is kept outside the repository whose changes are read.
    public var programPrefix: String?
    /// List every changed path even when the scope is the whole repository. Off by default:
    /// comparing whole trees for every change costs more than all the rest of the evidence
    /// (it is what `git log --name-only` does), and the scope decision does not need it.
    public var listPaths: Bool
    /// List each change's trailers, exactly as git reads them (for cross-checks against git).
    public var listTrailers = false
    /// Reads the history from this commit instead of the branch's tip (an export pinned to a commit).
    public var tip: ObjectID?
    /// The threads that judge changes while two others read them; nil: one per core, up to four.
    /// 1 runs the whole walk on the calling thread, one stage after the other: the reference
    /// whose output, every byte of it, the parallel walk must equal.
    public var jobs: Int?

    public init(selection: Selection? = nil, branch: String? = nil, now: Timestamp, programPrefix: String? = "", listPaths: Bool = false, tip: ObjectID? = nil) {
        self.selection = selection
        self.branch = branch
        self.now = now
        self.programPrefix = programPrefix
        self.listPaths = listPaths
        self.tip = tip
    }
}

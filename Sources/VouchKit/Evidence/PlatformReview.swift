/// One review of a pull or merge request as a platform recorded it, kept in the note line
/// `Review: <id> <STATE> <submitted_at> on <commit> by <login> [<url>]`.
public struct PlatformReview: Sendable, Hashable {
    /// The commit a review was given on.
    public enum ReviewedCommit: Sendable, Hashable {
        case commit(String)
        /// The platform names a commit that no longer exists (GitHub's `commit_id: null` after
        /// garbage collection): the review cannot be shown to be of the head.
        case missing
        /// The platform records no commit for its approvals (GitLab).
        case unrecorded
    }

    public var id: String
    /// `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED` (GitLab approvals are `APPROVED`).
    public var state: String
    public var submittedAt: Timestamp?
    public var commit: ReviewedCommit
    public var login: String
    public var url: String?

    public init(id: String, state: String, submittedAt: Timestamp?, commit: ReviewedCommit, login: String, url: String?) {
        self.id = id
        self.state = state
        self.submittedAt = submittedAt
        self.commit = commit
        self.login = login
        self.url = url
    }

    var line: String {
        let commitText: String
        switch commit {
        case .commit(let sha): commitText = sha
        case .missing: commitText = "missing"
        case .unrecorded: commitText = "-"
        }
        return "Review: \(id) \(state) \(submittedAt?.utcISO8601 ?? "-") on \(commitText) by \(login)" + (url.map { " \($0)" } ?? "")
    }

    init?(line value: Substring) {
        let words = value.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 7, words[3] == "on", words[5] == "by" else { return nil }
        id = String(words[0])
        state = String(words[1]).uppercased()
        submittedAt = Timestamp(iso8601: String(words[2]))
        switch words[4] {
        case "missing", "null": commit = .missing
        case "-": commit = .unrecorded
        default: commit = .commit(String(words[4]))
        }
        login = String(words[6])
        url = words.count > 7 ? String(words[7]) : nil
    }

    /// Each reviewer's latest review that decides: as GitHub counts approvals, only the latest
    /// state of each reviewer holds. `APPROVED` approves; `CHANGES_REQUESTED` and `DISMISSED`
    /// withdraw an earlier approval; `COMMENTED` (and `PENDING`) change nothing. Reviews are taken
    /// in the platform's (chronological) order. Nil for a reviewer whose latest state is not an approval.
    public static func latestApprovals(_ reviews: [PlatformReview]) -> [PlatformReview] {
        var latest: [String: PlatformReview?] = [:]
        var order: [String] = []
        for review in reviews {
            let key = review.login.lowercased()
            switch review.state {
            case "APPROVED":
                if latest[key] == nil { order.append(key) }
                latest[key] = .some(review)
            case "CHANGES_REQUESTED", "DISMISSED":
                if latest[key] == nil { order.append(key) }
                latest[key] = .some(nil)
            default:
                continue
            }
        }
        return order.compactMap { latest[$0] ?? nil }
    }
}

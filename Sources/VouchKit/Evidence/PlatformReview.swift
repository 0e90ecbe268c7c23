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
        // An ASCII line (as Vouch writes them) is split by bytes; any other by characters.
        let ascii: PlatformReview?? = Text.withUTF8(value) { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? .some(Self(asciiLine: bytes)) : nil
        }
        if let ascii {
            guard let ascii else { return nil }
            self = ascii
            return
        }
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

    /// `init(line:)` of an ASCII line: its words are the runs of bytes between spaces.
    private init?(asciiLine bytes: UnsafeBufferPointer<UInt8>) {
        var words: [Range<Int>] = []
        words.reserveCapacity(8)
        var index = 0
        while index < bytes.count, words.count < 8 {
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            if index > start { words.append(start..<index) }
        }
        func word(_ number: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[words[number]]) }
        func string(_ number: Int) -> String { String(decoding: word(number), as: UTF8.self) }
        func isWord(_ number: Int, _ text: StaticString) -> Bool {
            text.withUTF8Buffer { word(number).elementsEqual($0) }
        }
        guard words.count >= 7, isWord(3, "on"), isWord(5, "by") else { return nil }
        id = string(0)
        let isLower = { (byte: UInt8) in byte >= 0x61 && byte <= 0x7A }
        state = word(1).contains(where: isLower) ? String(decoding: word(1).map { isLower($0) ? $0 - 0x20 : $0 }, as: UTF8.self) : string(1)
        submittedAt = Timestamp(iso8601: word(2))
        if isWord(4, "missing") || isWord(4, "null") {
            commit = .missing
        } else if isWord(4, "-") {
            commit = .unrecorded
        } else {
            commit = .commit(string(4))
        }
        login = string(6)
        url = words.count > 7 ? string(7) : nil
    }

    /// Each reviewer's latest review that decides: as GitHub counts approvals, only the latest
    /// state of each reviewer holds. `APPROVED` approves; `CHANGES_REQUESTED` and `DISMISSED`
    /// withdraw an earlier approval; `COMMENTED` (and `PENDING`) change nothing. Reviews are taken
    /// in the platform's (chronological) order. Nil for a reviewer whose latest state is not an approval.
    public static func latestApprovals(_ reviews: [PlatformReview]) -> [PlatformReview] {
        // One review (most requests): it decides alone.
        if reviews.count == 1 { return reviews[0].state == "APPROVED" ? reviews : [] }
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

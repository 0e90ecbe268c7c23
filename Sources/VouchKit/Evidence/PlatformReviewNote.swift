/// A merged pull (or merge) request as recorded in the note of the change that landed it: one
/// paragraph of readable lines that `vouch github|gitlab record|import` write and the evidence reads.
///
/// ```
/// Source: github
/// Pull-request: https://github.com/octo/app/pull/12
/// Pull-request-author: bob
/// Commit-authors: bob, alice
/// Merged-by: carol at 2026-03-01T10:00:00Z
/// Head: 6dcb09b5b57875f334f61aebed695e2e4193db5e
/// Approved-by: octocat <583231+octocat@users.noreply.github.com>
/// Review: 80 APPROVED 2026-02-28T09:00:00Z on 6dcb09b5b57875f334f61aebed695e2e4193db5e by octocat https://github.com/octo/app/pull/12#pullrequestreview-80
/// ```
public struct PlatformReviewNote: Sendable, Hashable {
    public var platform: ReviewPlatform
    public var url: String
    public var number: Int
    /// Logins: the request's author, and the authors and committers of its commits.
    public var author: String
    public var commitAuthors: [String]
    public var mergedBy: String?
    public var mergedAt: Timestamp?
    /// The request's head commit when it merged.
    public var head: String?
    /// The reviewers whose latest state is an approval, as platform identities.
    public var approvers: [Identity]
    /// Every submitted review, in the platform's order.
    public var reviews: [PlatformReview]

    public init(platform: ReviewPlatform, url: String, number: Int, author: String, commitAuthors: [String], mergedBy: String?, mergedAt: Timestamp?,
                head: String?, approvers: [Identity], reviews: [PlatformReview]) {
        self.platform = platform
        self.url = url
        self.number = number
        self.author = author
        self.commitAuthors = commitAuthors
        self.mergedBy = mergedBy
        self.mergedAt = mergedAt
        self.head = head
        self.approvers = approvers
        self.reviews = reviews
    }

    /// Everyone who wrote the change on the platform, by login: self-approval is decided in the
    /// platform's own identities, whatever email a commit carries.
    public var authorLogins: Set<String> { Set(([author] + commitAuthors).map { $0.lowercased() }) }

    /// The note paragraph.
    public var text: String {
        var lines = ["Source: \(platform.rawValue)", "Pull-request: \(url)", "Pull-request-author: \(author)"]
        if !commitAuthors.isEmpty { lines.append("Commit-authors: " + commitAuthors.joined(separator: ", ")) }
        lines.append("Merged-by: \(mergedBy ?? "unknown") at \(mergedAt?.utcISO8601 ?? "unknown")")
        if let head { lines.append("Head: \(head)") }
        lines += approvers.map { "Approved-by: \($0)" }
        lines += reviews.map(\.line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The approvals this request gives its change: one per approver, from their latest
    /// approving review, with when it was submitted and whether it counts (on the head, before the merge).
    public var approvals: [Approval] {
        let latest = PlatformReview.latestApprovals(reviews)
        let source: ApprovalSource = platform == .github ? .github : .gitlab
        return approvers.map { identity in
            let login = platform.login(inNoreplyEmail: identity.email) ?? identity.name
            let review = latest.last { Self.sameLogin($0.login, login) }
            var approval = Approval(identity: identity, kind: .approved, source: source, reference: review?.url ?? url, recordedAt: review?.submittedAt)
            approval.login = login
            approval.standing = standing(of: review)
            return approval
        }
    }

    /// Logins compared as their lowercased text: by bytes when both are ASCII.
    static func sameLogin(_ left: String, _ right: String) -> Bool {
        if left.utf8.allSatisfy({ $0 < 0x80 }), right.utf8.allSatisfy({ $0 < 0x80 }) { return Text.equalIgnoringCase(left, right) }
        return left.lowercased() == right.lowercased()
    }

    private func standing(of review: PlatformReview?) -> ApprovalStanding {
        guard let review else { return .counts }
        if let submitted = review.submittedAt, let mergedAt, submitted.seconds > mergedAt.seconds { return .afterMerge }
        switch review.commit {
        case .missing: return .stale
        case .commit(let sha): return head.map { $0 == sha } ?? true ? .counts : .stale
        case .unrecorded: return .counts
        }
    }

    /// `Merged-by: <login> at <merged_at>`: the login before the first ` at ` (nil when it is
    /// empty or `unknown`), and the instant between it and the next one. An ASCII value is
    /// searched by bytes, any other by characters.
    static func mergedBy(_ value: Substring) -> (login: String?, at: Timestamp?) {
        func login(_ text: String) -> String? { text == "unknown" || text.isEmpty ? nil : text }
        let ascii = Text.withUTF8(value) { bytes -> (login: String?, at: Timestamp?)? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func separator(from start: Int) -> Int? {
                var index = start
                while index + 4 <= bytes.count {
                    if bytes[index] == 0x20, bytes[index + 1] == 0x61, bytes[index + 2] == 0x74, bytes[index + 3] == 0x20 { return index }
                    index += 1
                }
                return nil
            }
            guard let first = separator(from: 0) else { return (login(String(decoding: bytes, as: UTF8.self)), nil) }
            let end = separator(from: first + 4) ?? bytes.count
            return (login(String(decoding: bytes[..<first], as: UTF8.self)), Timestamp(iso8601: UnsafeBufferPointer(rebasing: bytes[(first + 4)..<end])))
        }
        if let ascii { return ascii }
        let parts = value.components(separatedBy: " at ")
        return (login(parts[0]), parts.count > 1 ? Timestamp(iso8601: parts[1]) : nil)
    }

    /// Reads a paragraph's `key: value` lines (keys lowercased); nil unless it names a source, a request and its author.
    init?(platform: ReviewPlatform, fields: [(key: String, value: Substring)]) {
        self.platform = platform
        var url: String?
        var author: String?
        commitAuthors = []
        approvers = []
        reviews = []
        for (key, value) in fields {
            switch key {
            case "pull-request": url = String(value)
            case "pull-request-author": author = String(value)
            case "commit-authors": commitAuthors = value.split(separator: ",").map { Text.trimmed($0) }.filter { !$0.isEmpty }
            case "merged-by":
                (mergedBy, mergedAt) = Self.mergedBy(value)
            case "head": head = String(value)
            case "approved-by": approvers.append(Identity(lenient: String(value)))
            case "review": if let review = PlatformReview(line: value) { reviews.append(review) }
            default: continue
            }
        }
        guard let url, let author else { return nil }
        self.url = url
        self.author = author
        // The digits that start the URL's last non-empty segment.
        let trimmed = url.utf8.reversed().drop { $0 == UInt8(ascii: "/") }.count
        let withoutSlashes = url.utf8.prefix(trimmed)
        let last = withoutSlashes.lastIndex(of: UInt8(ascii: "/")).map { withoutSlashes.index(after: $0) } ?? withoutSlashes.startIndex
        number = Int(Text.leadingDigits(Substring(url[last..<withoutSlashes.endIndex]))) ?? 0
    }
}

/// How an approval from a platform stands at the merge.
public enum ApprovalStanding: String, Sendable, Hashable {
    /// Given on the head that merged, before the merge.
    case counts
    /// Given on another commit than the head (code changed after it), or on one the platform no longer has.
    case stale
    /// Submitted after the request merged: no review before merge.
    case afterMerge = "after-merge"
}

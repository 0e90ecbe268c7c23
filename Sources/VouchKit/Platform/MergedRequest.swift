/// A merged pull or merge request, read from its platform's objects: what Vouch matches to the
/// change that landed it and records in that change's note.
public struct MergedRequest: Sendable {
    /// One commit of the request, as the platform lists it.
    public struct Commit: Sendable, Hashable {
        public var sha: String
        /// Platform logins of the commit's author and committer, when the platform links them to accounts.
        public var authorLogin: String?
        public var committerLogin: String?
        /// The author as git recorded them, to find the commit again after a rebase.
        public var authorName: String
        public var authorEmail: String
        public var authoredAt: Timestamp?
        public var subject: String
    }

    public var platform: ReviewPlatform
    public var number: Int
    public var url: String
    /// The login of the request's author.
    public var author: String
    public var head: String?
    /// Where it merged into.
    public var base: String?
    public var mergedAt: Timestamp?
    public var mergedBy: String?
    /// The commits the platform says landed it, most likely first: `merge_commit_sha`, and on
    /// GitLab `squash_commit_sha` for a squash.
    public var landedCommits: [String]
    public var commits: [Commit]
    /// Reviewers whose latest state is an approval, as platform identities.
    public var approvers: [Identity]
    public var reviews: [PlatformReview]

    /// The paragraph recorded in the note of each change it landed.
    public var note: PlatformReviewNote {
        var commitAuthors: [String] = []
        for commit in commits {
            for login in [commit.authorLogin, commit.committerLogin].compactMap({ $0 }) where !commitAuthors.contains(login) { commitAuthors.append(login) }
        }
        return PlatformReviewNote(platform: platform, url: url, number: number, author: author, commitAuthors: commitAuthors,
                                  mergedBy: mergedBy, mergedAt: mergedAt, head: head, approvers: approvers, reviews: reviews)
    }
}

/// Notes as `vouch github import` writes them, for the examples of the change rules.
enum PlatformNoteExample {
    static let head = "6dcb09b5b57875f334f61aebed695e2e4193db5e"
    static let earlier = "e5bd3914e2e596debea16f433f57875b5b90bcd6"

    /// A merged pull request #12 by alice, merged by carol at 2026-03-02T10:00:00Z with head
    /// `head`, and its reviews (`Review:` lines without the prefix) by the given logins.
    static func pull(approvers: [String], reviews: [String]) -> ChangeExample.Note {
        let ids = ["octocat": 583231, "carol": 1001, "alice": 1002, "dana": 1003]
        var text = """
            Source: github
            Pull-request: https://github.com/example/billing/pull/12
            Pull-request-author: alice
            Commit-authors: alice
            Merged-by: carol at 2026-03-02T10:00:00Z
            Head: \(head)

            """
        for login in approvers { text += "Approved-by: \(login) <\(ids[login] ?? 1)+\(login)@users.noreply.github.com>\n" }
        for review in reviews { text += "Review: \(review)\n" }
        return ChangeExample.Note(text: text)
    }
}

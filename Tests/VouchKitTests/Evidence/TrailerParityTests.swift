import Foundation
import Testing
import VouchKit

/// Vouch's trailers are what `git log --format='%(trailers:only,unfold)'` prints, commit by commit:
/// each message below is written as a commit object, byte for byte, and read by both.
@Suite struct TrailerParityTests {
    static let messages: [String] = [
        // A Gerrit change whose body quotes a diff: git reads the trailers after it.
        "Fix rounding of totals\n\nThe fix, as applied:\n\n```\n--- a/src/totals.swift\n+++ b/src/totals.swift\n@@ -1 +1 @@\n-round(line)\n+round(total)\n```\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567\nReviewed-on: https://review.example.com/c/billing/+/4211\nReviewed-by: Carol Checker <carol@example.com>\n",
        // A `---` line: %(trailers) does not stop there (no_divider).
        "Subject\n\nBody\n---\nReviewed-by: Someone <s@example.com>\n",
        "Subject\n\nBody\n---\n\nReviewed-by: Someone <s@example.com>\n",
        "Subject\n\n--- \nReviewed-by: Someone <s@example.com>\n",
        // GitHub squash: dashes, then co-authors.
        "Add invoice export (#42)\n\n* first step\n\n* second step\n\n---------\n\nCo-authored-by: Bob Builder <bob@example.com>\nCo-authored-by: Dana Reyes <dana@example.com>\n",
        // Continuation lines, with spaces and tabs, and whitespace kept inside the value.
        "S\n\nreviewed-by: Carol Checker\n  <carol@example.com>\nAcked-By: Dan Lead <dan@example.com>\n",
        "S\n\nKey: a  \n\t b\n   c\nOther:   x   y  \n",
        "S\n\nKey:\n  only continued\n",
        // The 25% rule with a git-generated trailer, and without one.
        "S\n\nsome prose here\nReviewed-by: A <a@example.com>\n",
        "S\n\nsome prose here\nSigned-off-by: A <a@example.com>\nReviewed-by: B <b@example.com>\n",
        "S\n\none\ntwo\nthree\nSigned-off-by: A <a@example.com>\n",
        "S\n\none\ntwo\nthree\nfour\nSigned-off-by: A <a@example.com>\n",
        "S\n\nprose\n  indented prose\n  more\nSigned-off-by: A <a@example.com>\n",
        "S\n\nSigned-off-by:A <a@example.com>\nprose\n",
        "S\n\nCherry-picked.\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\nReviewed-by: B <b@example.com>\n",
        // Comment lines: inside the block, after it, and in the title paragraph.
        "S\n\nKey: a\n# a note\n b\nOther: c\n",
        "S\n\nKey: a\n\n# comment\n# more\n",
        "S\n\nKey: a\n# comment\n\n\n",
        "# a comment first\nS\n\nKey: v\n",
        "S\n# comment in the title\n\nKey: v\n",
        "S\n\nprose\n  cont\n# comment\nKey: v\n",
        // Old conflicts blocks and the scissors line end the message.
        "S\n\nReviewed-by: A <a@example.com>\n\nConflicts:\n\tsrc/a.swift\n\tsrc/b.swift\n",
        "S\n\nReviewed-by: A <a@example.com>\nConflicts:\n\tsrc/a.swift\n",
        "S\n\nKey: a\n# ------------------------ >8 ------------------------\nOther: b\n",
        "S\n\nKey: a\n\nReviewed-by: x\n# ------------------------ >8 ------------------------\n",
        // Leading blank lines are skipped before the title.
        "\n\nKey: v\n\nOther: w\n",
        "\n  \nKey: v\n",
        // Line ends and blanks.
        "S\r\n\r\nKey: a  \r\n  more\r\nOther: b\r\n",
        "S\n\nKey\t: value  \nSpaced  : x\n",
        "S\n\nKey: v\n   \n",
        "S\n\nKey: v\n \t \n\n",
        "S\n\nKey: v",
        // Not trailers: spaces in the key, a leading separator, no blank line after the title.
        "S\n\nReviewed By: alice\n",
        "S\n\n:value\nKey: v\n",
        "S\nKey: v\n",
        "Key: v\n",
        "S\n\n  Key: indented\n",
        // Only the last paragraph; blank lines between groups.
        "S\n\nA: 1\n\nB: 2\nC: 3\n",
        "S\n\nA: 1\n\nprose line\n",
        // Values with colons, empty values, non-ASCII text.
        "S\n\nLink: https://example.com:8080/a?b=c\nEmpty:\nNote: Zoë Åström — ✓\n",
        "S\n\nBug-42: fixed\nx-y-z: 1\n",
        // A token with non-ASCII bytes is not a token.
        "S\n\nRevisé-par: x\n",
        // Continuation after a non-trailer line.
        "S\n\nSigned-off-by: A <a@example.com>\nnot a trailer\n continued\nKey: v\n",
        // An empty message and a title alone.
        "",
        "Title only\n",
    ]

    /// What git prints for each message, as (key, value) pairs.
    static func gitTrailers(_ messages: [String]) throws -> [[Trailer]] {
        let git = try GitFixture()
        let tree = try git.run(["mktree"], input: "").trimmingCharacters(in: .whitespacesAndNewlines)
        var ids: [String] = []
        for message in messages {
            let object = "tree \(tree)\nauthor A <a@example.com> 1767600000 +0000\ncommitter A <a@example.com> 1767600000 +0000\n\n" + message
            ids.append(try git.run(["hash-object", "-t", "commit", "-w", "--stdin", "--literally"], input: object).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let output = try git.run(["log", "--no-walk=unsorted", "--format=%x02%(trailers:only,unfold,separator=%x00,key_value_separator=%x01)%x03"] + ids)
        let records = output.split(separator: "\u{3}", omittingEmptySubsequences: false).dropLast()
        return records.map { record in
            let body = record.drop { $0 != "\u{2}" }.dropFirst()
            return body.split(separator: "\u{0}").map { pair in
                let parts = pair.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
                return Trailer(key: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
            }
        }
    }

    @Test func trailersAreWhatGitLogReads() throws {
        let git = try Self.gitTrailers(Self.messages)
        #expect(git.count == Self.messages.count)
        for (message, expected) in zip(Self.messages, git) {
            #expect(CommitMessage(message).trailers == expected, "\(message.debugDescription)")
        }
        #expect(git[0].map(\.key) == ["Change-Id", "Reviewed-on", "Reviewed-by"], "the fixture itself: git reads the Gerrit trailers")
    }

    /// Every arrangement of a few kinds of line in the last paragraphs: each is checked against git.
    @Test func combinationsAreWhatGitLogReads() throws {
        let kinds = ["Key: v\n", "Signed-off-by: S <s@example.com>\n", "prose\n", "  continued\n", "# comment\n", "\n", "---\n", "Conflicts:\n\tf\n"]
        var messages: [String] = []
        for first in kinds {
            for second in kinds {
                for third in kinds { messages.append("Subject\n\nBody\n\n" + first + second + third) }
            }
        }
        let git = try Self.gitTrailers(messages)
        #expect(git.count == messages.count)
        var differing: [String] = []
        for (message, expected) in zip(messages, git) where CommitMessage(message).trailers != expected { differing.append(message) }
        #expect(differing.isEmpty, "\(differing.count) of \(messages.count) differ, e.g. \(differing.prefix(3).map(\.debugDescription))")
    }
}

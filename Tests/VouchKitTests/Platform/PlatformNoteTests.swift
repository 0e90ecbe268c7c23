import Foundation
import Testing
import VouchKit

/// How a note's text splits into platform paragraphs and the rest (read by bytes, once per note).
@Suite struct PlatformNoteTests {
    static let review = PlatformReviewNote(platform: .github, url: "https://github.com/o/r/pull/7", number: 7, author: "bob", commitAuthors: ["bob", "alice"],
                                           mergedBy: "carol", mergedAt: Timestamp(iso8601: "2026-02-02T12:00:00Z"), head: "abc",
                                           approvers: [Identity(lenient: "carol <1001+carol@users.noreply.github.com>")],
                                           reviews: [PlatformReview(id: "80", state: "APPROVED", submittedAt: Timestamp(iso8601: "2026-02-02T11:00:00Z"),
                                                                    commit: .commit("abc"), login: "carol", url: "https://github.com/o/r/pull/7#pullrequestreview-80")])

    @Test func aVouchApproveNoteAndPlatformParagraphsOnOneCommit() throws {
        // `vouch approve`'s paragraph, a line of blanks, a GitHub paragraph with trailing blanks, a GitLab direct-push mark.
        let text = "Approved-by: Dana Reyes <dana@example.com>\nSigned: -----BEGIN\n \n x\n\r \t\n"
            + Self.review.text.replacingOccurrences(of: "Source: github\n", with: "Source:  GitHub \t\n") + "\n\n\nSource: gitlab\nPull-request: none\n"
        let paragraphs = PlatformNote.paragraphs(of: text)
        try #require(paragraphs.count == 3)
        #expect(paragraphs[0] == .plain("Approved-by: Dana Reyes <dana@example.com>\nSigned: -----BEGIN\n \n x\n"))
        #expect(paragraphs[1] == .platform(.review(Self.review)))
        #expect(paragraphs[2] == .platform(.unclaimed(.gitlab)))
        #expect(PlatformNote.parse(text) == [.review(Self.review), .unclaimed(.gitlab)])
        // Only dana's line is a note approval; carol's counts once, from the platform paragraph.
        let approvals = NoteApprovals.parse(text, reference: NoteApprovals.vouchReference)
        #expect(approvals.map(\.identity.name) == ["Dana Reyes"])
        #expect(Self.review.approvals.map(\.login) == ["carol"])
    }

    @Test func twoPlatformParagraphsOfOneSourceAreBothRead() {
        let other = PlatformReviewNote(platform: .github, url: "https://github.com/o/r/pull/8", number: 8, author: "dana", commitAuthors: [],
                                       mergedBy: nil, mergedAt: nil, head: nil, approvers: [], reviews: [])
        let text = Self.review.text + "\n" + other.text + "\nSource: github\nPull-request-unmatched: b\nPull-request-unmatched: a\n"
        #expect(PlatformNote.parse(text) == [.review(Self.review), .review(other), .unmatched(.github, ["b", "a"])])
        #expect(NoteApprovals.parse(text, reference: NoteApprovals.vouchReference).isEmpty)
    }

    /// A note written with CR LF line ends (by an editor or a tool on Windows) reads as the one
    /// written with line feeds: the same platform paragraph, and no `vouch approve` line made of it.
    @Test func aNoteWithCRLFLineEndsReadsAsWithLineFeeds() {
        let text = Self.review.text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(PlatformNote.parse(text) == [.review(Self.review)])
        #expect(PlatformNote.paragraphs(of: text) == PlatformNote.paragraphs(of: Self.review.text))
        #expect(NoteApprovals.parse(text, reference: NoteApprovals.vouchReference).isEmpty)
        // Through the evidence: carol's approval counts once, from the review on the platform.
        let record = ChangeExample(message: "Fix rounding (#7)", author: "Bob Example <bob@example.com>", notes: [.init(text: text)]).record()
        #expect(record.approvals.map(\.login) == ["carol"])
        #expect(record.approvals.map(\.source) == [.github])
    }

    /// A `vouch approve` paragraph and a platform paragraph on one commit, with CR LF, LF or both:
    /// the blank line between them ends the first one, so the approval line never joins the
    /// platform paragraph, and a plain paragraph's lines end with line feeds.
    @Test func approvalLinesAndAPlatformParagraphWithCRLFStayApart() {
        let approval = "Approved-by: Dana Reyes <dana@example.com>\r\nTested-by: Eve Park <eve@example.com>\r\n"
        let crlfReview = Self.review.text.replacingOccurrences(of: "\n", with: "\r\n")
        for text in [approval + "\r\n" + crlfReview, approval + "\r\n" + Self.review.text, approval + "\n\n" + Self.review.text,
                     approval + "\r \t\r\n" + crlfReview] {
            #expect(PlatformNote.paragraphs(of: text) == [.plain("Approved-by: Dana Reyes <dana@example.com>\nTested-by: Eve Park <eve@example.com>\n"),
                                                         .platform(.review(Self.review))], "\(text.debugDescription)")
            let approvals = NoteApprovals.parse(text, reference: NoteApprovals.vouchReference)
            #expect(approvals.map(\.identity.name) == ["Dana Reyes", "Eve Park"], "\(text.debugDescription)")
            #expect(approvals.map(\.kind) == [.approved, .tested], "\(text.debugDescription)")
        }
    }

    /// The split by bytes gives what splitting the text by characters gives (a line ends at a line
    /// feed or a CR LF), on texts made of the pieces where the two could differ.
    @Test func bytesSplitAsCharactersDo() {
        let pieces = ["\n", "\r\n", "\r", " ", "\t", "Source: github", "Source:\u{301} github", "Pull-request: x", "Pull-request-author: bob",
                      "é", "\u{301}", ":", "Approved-by: a <a@x>", "Pull-request: none", "Pull-request-unmatched: u"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(pieces.count))
        }
        for _ in 0..<3000 {
            let text = (0...(next() % 12)).map { _ in pieces[next()] }.joined()
            let paragraphs = PlatformNote.paragraphs(of: text)
            let expected = Self.paragraphsByCharacters(text)
            #expect(paragraphs.map(\.isPlain) == expected.map(\.plain), "\(text.debugDescription)")
            #expect(paragraphs.filter(\.isPlain).map(\.text) == expected.filter(\.plain).map(\.text), "\(text.debugDescription)")
        }
    }

    /// The paragraphs as splitting by characters finds them: whether each is plain (not a
    /// platform paragraph), and a plain one's text.
    static func paragraphsByCharacters(_ text: String) -> [(plain: Bool, text: String)] {
        var result: [(plain: Bool, text: String)] = []
        var current: [Substring] = []
        func flush() {
            guard !current.isEmpty else { return }
            let keys = current.compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " \t\r")).lowercased(),
                        line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\r")).lowercased())
            }
            let platform = keys.first { $0.0 == "source" }.map { ["github", "gitlab"].contains($0.1) } ?? false
            let isRequest = keys.contains { $0.0 == "pull-request-unmatched" || $0.0 == "pull-request" && $0.1 == "none" }
                || keys.contains { $0.0 == "pull-request" } && keys.contains { $0.0 == "pull-request-author" }
            result.append((!(platform && isRequest), current.joined(separator: "\n") + "\n"))
            current = []
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }), line.first != " ", line.first != "\t" { flush() } else { current.append(line) }
        }
        flush()
        return result
    }

}

extension PlatformNote.Paragraph {
    var isPlain: Bool { if case .plain = self { true } else { false } }
}

import Testing
import VouchKit

@Suite struct CommitMessageTests {
    @Test func readsTheTrailerBlockWithAnyCaseAndContinuationLines() {
        let message = CommitMessage("""
            Fix rounding of totals

            Totals were rounded per line.

            reviewed-by: Carol Checker
              <carol@example.com>
            Acked-By: Dan Lead <dan@example.com>
            """)
        #expect(message.subject == "Fix rounding of totals")
        #expect(message.trailers == [
            Trailer(key: "reviewed-by", value: "Carol Checker <carol@example.com>"),
            Trailer(key: "Acked-By", value: "Dan Lead <dan@example.com>"),
        ])
        #expect(message.trailerValues("Reviewed-by") == ["Carol Checker <carol@example.com>"])
    }

    @Test func readsTrailersAfterGitHubDashLines() {
        let message = CommitMessage("""
            Add invoice export (#42)

            * first step

            * second step

            ---------

            Co-authored-by: Bob Builder <bob@example.com>
            """)
        #expect(message.trailerValues("co-authored-by") == ["Bob Builder <bob@example.com>"])
    }

    @Test func aDashLineDoesNotEndTheMessageAsInGitLog() {
        // `git log --format=%(trailers)` reads past `---` (git interpret-trailers would stop there).
        let message = CommitMessage("Subject\n\nBody\n---\n\nReviewed-by: Someone <s@example.com>\n")
        #expect(message.trailerValues("Reviewed-by") == ["Someone <s@example.com>"])
    }

    @Test func theSubjectIsNeverATrailerBlock() {
        #expect(CommitMessage("Reviewed-by: Someone <s@example.com>\n").trailers.isEmpty)
    }

    @Test func mixedParagraphNeedsAGitGeneratedTrailerAndAQuarterOfTrailers() {
        let mixed = CommitMessage("S\n\nsome prose here\nReviewed-by: A <a@example.com>\n")
        #expect(mixed.trailers.isEmpty)
        let signed = CommitMessage("S\n\nsome prose here\nSigned-off-by: A <a@example.com>\nReviewed-by: B <b@example.com>\n")
        #expect(signed.trailerValues("Reviewed-by") == ["B <b@example.com>"])
        let tooMuchProse = CommitMessage("S\n\none\ntwo\nthree\nfour\nSigned-off-by: A <a@example.com>\n")
        #expect(tooMuchProse.trailers.isEmpty)
    }

    @Test func keysWithSpacesAreNotTrailers() {
        #expect(CommitMessage("S\n\nReviewed By: alice\n").trailers.isEmpty)
        #expect(CommitMessage("S\n\nKey : value\n").trailers == [Trailer(key: "Key", value: "value")])
    }

    @Test func decodesDeclaredEncodingsAndNeverFailsOnBadBytes() {
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array("\n\nReviewed-by: Jos".utf8) + [0xE9] + Array(" <jose@example.com>\n".utf8)
        let decoded = CommitMessage(raw: latin1, encoding: "ISO-8859-1")
        #expect(decoded.subject == "Café")
        #expect(decoded.trailerValues("Reviewed-by") == ["José <jose@example.com>"])
        let broken = CommitMessage(raw: [0x46, 0xFF, 0xFE, 0x0A], encoding: nil)
        #expect(broken.subject == "F\u{FFFD}\u{FFFD}")
        let unknown = CommitMessage(raw: Array("Hello\n".utf8), encoding: "x-unheard-of")
        #expect(unknown.subject == "Hello")
    }

    @Test func handlesVeryLongMessagesAndCRLF() {
        let body = String(repeating: "word ", count: 400_000)
        let message = CommitMessage("Subject\r\n\r\n\(body)\r\n\r\nReviewed-by: A <a@example.com>\r\n")
        #expect(message.subject == "Subject")
        #expect(message.trailerValues("Reviewed-by") == ["A <a@example.com>"])
    }
}

@Suite struct MessageEvidenceTests {
    func evidence(_ text: String, parents: Int = 1) -> MessageEvidence { MessageEvidence(CommitMessage(text), parentCount: parents) }

    @Test func gitHubMergeAndSquash() {
        let merge = evidence("Merge pull request #12 from example/fix-rounding\n\nFix rounding\n", parents: 2)
        #expect(merge.platform == .githubMerge)
        #expect(merge.reviewReference == "#12")
        let squash = evidence("Fix rounding (#13)\n\n* one\n\n---------\n\nCo-authored-by: Bob <bob@example.com>\n")
        #expect(squash.platform == .githubSquash)
        #expect(squash.reviewReference == "#13")
        #expect(squash.coAuthors == [Identity(name: "Bob", email: "bob@example.com")])
        #expect(evidence("Fix (#13)\n", parents: 2).platform == nil)
    }

    @Test func gitLabWithApprovedByLines() {
        let gitlab = evidence("""
            Merge branch 'fix' into 'main'

            Fix rounding

            Approved-by: Carol Checker <carol@example.com>
            See merge request billing/api!34
            """, parents: 2)
        #expect(gitlab.platform == .gitlab)
        #expect(gitlab.reviewReference == "billing/api!34")
        #expect(gitlab.approvals == [Approval(identity: Identity(name: "Carol Checker", email: "carol@example.com"), kind: .approved, source: .message)])
    }

    @Test func gerritPhabricatorBitbucketAzure() {
        let gerrit = evidence("Fix\n\nChange-Id: I123\nReviewed-on: https://review.example.com/c/api/+/77\nReviewed-by: Carol <carol@example.com>\n")
        #expect(gerrit.platform == .gerrit)
        #expect(gerrit.reviewReference == "https://review.example.com/c/api/+/77")
        #expect(gerrit.approvals.map(\.source) == [.trailer])

        let phabricator = evidence("Fix\n\nSummary: x\n\nReviewers: carol, dan\n\nReviewed By: carol\n\nDifferential Revision: https://phab.example.com/D99\n")
        #expect(phabricator.platform == .phabricator)
        #expect(phabricator.reviewReference == "https://phab.example.com/D99")
        #expect(phabricator.approvals == [Approval(identity: Identity(name: "carol", email: ""), kind: .reviewed, source: .message)])

        let bitbucket = evidence("Merged in feature/fix (pull request #5)\n\nFix\n\nApproved-by: Carol <carol@example.com>\n", parents: 2)
        #expect(bitbucket.platform == .bitbucket)
        #expect(bitbucket.reviewReference == "pull request #5")
        #expect(bitbucket.approvals.map(\.kind) == [.approved])

        let azure = evidence("Merged PR 321: Fix rounding\n", parents: 2)
        #expect(azure.platform == .azureDevOps)
        #expect(azure.reviewReference == "PR 321")
    }

    @Test func kernelTrailersAndSignedOffBy() {
        let kernel = evidence("fix\n\nSigned-off-by: A <a@example.com>\nReviewed-by: B <b@example.com>\nAcked-by: C <c@example.com>\nTested-by: D <d@example.com>\n")
        #expect(kernel.platform == nil)
        #expect(kernel.approvals.map(\.kind) == [.reviewed, .acked, .tested])
        #expect(kernel.approvals.allSatisfy { $0.source == .trailer })
    }

    @Test func emergencyTrailer() {
        #expect(evidence("Fix\n\nEmergency: payments down\n").emergency == "payments down")
        #expect(evidence("Fix\n").emergency == nil)
    }

    @Test func notesFromVouchAndGerrit() {
        let vouch = NoteApprovals.parse("Approved-by: Carol <carol@example.com>\nComment: fine\n\nReviewed-by: Dan <dan@example.com>\n", reference: NoteApprovals.vouchReference)
        #expect(vouch.map(\.kind) == [.approved, .reviewed])
        let gerrit = NoteApprovals.parse("Code-Review+2: Carol <carol@example.com>\nCode-Review-1: Eve <eve@example.com>\nVerified+1: CI <ci@example.com>\nSubmitted-by: Carol <carol@example.com>\n", reference: NoteApprovals.gerritReference)
        #expect(gerrit.map(\.kind) == [.approved, .tested])
        #expect(gerrit.first?.identity == Identity(name: "Carol", email: "carol@example.com"))
    }
}

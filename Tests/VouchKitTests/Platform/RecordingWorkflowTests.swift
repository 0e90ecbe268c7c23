import Foundation
import Testing
import VouchKit

/// `vouch init --ci github|gitlab`, and the push the workflows share.
@Suite struct RecordingWorkflowTests {
    @Test(arguments: ReviewPlatform.allCases) func initWritesTheWorkflowAndKeepsAnExistingOne(_ platform: ReviewPlatform) throws {
        let fixture = try EvidenceFixture()
        let path = RecordingWorkflow.path(for: platform)
        let file = fixture.url.appendingPathComponent(path)
        let before = try fixture.run(["status", "--porcelain", "--untracked-files=all"])

        let written = try fixture.vouch(["init", "--ci", platform.rawValue])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote \(path)."))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == RecordingWorkflow.text(for: platform))
        // Only that file: the program is not written again.
        #expect(try fixture.run(["status", "--porcelain", "--untracked-files=all"]) == [before, "?? \(path)"].filter { !$0.isEmpty }.joined(separator: "\n"))
        // What docs/ci.md shows is what is written.
        let docs = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        #expect(docs.contains("```yaml\n" + text + "```\n"))
        let command = platform == .github ? "vouch github record" : "vouch gitlab record"
        #expect(text.contains(command) && text.contains("git push origin refs/notes/vouch") && text.contains("git notes --ref vouch merge -s union"))
        if platform == .github {
            #expect(text.contains("types: [closed]") && text.contains("contents: write") && text.contains("pull-requests: read") && text.contains("fetch-depth: 0"))
        } else {
            #expect(text.contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH") && text.contains("GIT_DEPTH: 0") && text.contains("write_repository"))
        }

        try Data("# ours\n".utf8).write(to: file)
        let kept = try fixture.vouch(["init", "--ci", platform.rawValue])
        #expect(kept.status == 2)
        #expect(kept.stderr.contains("\(path) exists and is kept as it is; replace it with --force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "# ours\n")

        let forced = try fixture.vouch(["init", "--ci", platform.rawValue, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == RecordingWorkflow.text(for: platform))
        #expect(try fixture.vouch(["init", "--force"]).status == 2)
    }

    /// Notes pushed by someone else between the fetch and the push: the push is refused, their
    /// notes are merged in with both paragraphs of the same commit whole, and the push goes through.
    @Test func thePushMergesNotesPushedMeanwhile() throws {
        let fixture = try PlatformFixture()
        let evidence = fixture.evidence
        let origin = evidence.url.deletingLastPathComponent().appendingPathComponent("\(evidence.url.lastPathComponent)-origin.git")
        try evidence.run(["init", "-q", "--bare", origin.path])
        try evidence.run(["remote", "add", "origin", origin.path])
        try evidence.run(["push", "-q", "origin", "main"])

        // Someone approves #1 and pushes the note.
        let other = evidence.url.deletingLastPathComponent().appendingPathComponent("\(evidence.url.lastPathComponent)-other")
        try evidence.run(["clone", "-q", origin.path, other.path])
        let git = ["-C", other.path, "-c", "user.name=Erin Example", "-c", "user.email=erin@example.com"]
        try evidence.run(git + ["notes", "--ref", "vouch", "add", "-m", "Approved-by: Erin Example <erin@example.com>", fixture.squash])
        try evidence.run(git + ["push", "-q", "origin", "refs/notes/vouch"])

        // Meanwhile the job recorded the pull requests here.
        #expect(try evidence.vouch(["github", "import", "--from", try fixture.fromFile()]).status == 0)
        let identity = ["GIT_AUTHOR_NAME": "vouch", "GIT_AUTHOR_EMAIL": "vouch@example.com", "GIT_COMMITTER_NAME": "vouch", "GIT_COMMITTER_EMAIL": "vouch@example.com"]
        let pushed = try TestSupport.run(URL(fileURLWithPath: "/bin/bash"), ["-c", RecordingWorkflow.pushWithRetry], in: evidence.url, environment: identity)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(pushed.stderr.contains("rejected"))

        let note = try evidence.run(["--git-dir", origin.path, "notes", "--ref", "vouch", "show", fixture.squash])
        #expect(note.contains("Source: github\nPull-request: https://github.com/example/billing/pull/1\n"))
        #expect(note.contains("\n\nApproved-by: Erin Example <erin@example.com>") || note.hasPrefix("Approved-by: Erin Example <erin@example.com>\n\n"))
        try evidence.run(["fetch", "-q", "origin", "+refs/notes/vouch:refs/notes/vouch"])
        let approvers = try evidence.population().change(fixture.squash).independentApprovers.map(\.name)
        #expect(Set(approvers) == ["Carol Checker", "Dana Reyes", "Erin Example"])
    }
}

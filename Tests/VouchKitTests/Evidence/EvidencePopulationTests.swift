import Foundation
import Testing
// Compares each record with its internal canonical JSON bytes (what the digest hashes),
// which no public output shows one record at a time.
@testable import VouchKit

/// Realistic histories, one per way a change lands, read through the library.
@Suite struct EvidencePopulationTests {
    @Test func recognisesEveryMechanism() throws {
        let fixture = try EvidenceFixture()
        let githubMerge = try fixture.merge("Merge pull request #12 from example/rounding\n\nFix rounding\n", topic: "rounding", file: "src/rounding.swift", author: People.bob, date: "2026-02-01T10:00:00+01:00")
        try fixture.note("Approved-by: Carol Checker <carol@example.com>\n", on: githubMerge, date: "2026-02-01T12:00:00+00:00")
        let squash = try fixture.git.commit("Export invoices (#13)\n\n* first step\n\n* second step\n\n---------\n\nCo-authored-by: Dana Reyes <dana@example.com>\n", files: ["src/export.swift": "// export\n"], author: People.bob, committer: People.github, date: "2026-02-02T10:00:00+00:00")
        let gitlab = try fixture.merge("Merge branch 'tax' into 'main'\n\nTax rates\n\nApproved-by: Carol Checker <carol@example.com>\nSee merge request billing/api!34\n", topic: "tax", file: "src/tax.swift", author: People.bob, merger: People.bob, date: "2026-02-03T10:00:00+00:00")
        let gerrit = try fixture.git.commit("Cache rates\n\nChange-Id: I0123456789abcdef\nReviewed-on: https://review.example.com/c/api/+/77\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/cache.swift": "// cache\n"], author: People.bob, date: "2026-02-04T10:00:00+00:00")
        let phabricator = try fixture.git.commit("Retry payments\n\nSummary: retries\n\nReviewers: carol\n\nReviewed By: carol\n\nDifferential Revision: https://phab.example.com/D99\n", files: ["src/retry.swift": "// retry\n"], author: People.bob, date: "2026-02-05T10:00:00+00:00")
        let bitbucket = try fixture.merge("Merged in feature/ledger (pull request #5)\n\nLedger\n\nApproved-by: Carol Checker <carol@example.com>\n", topic: "ledger", file: "src/ledger.swift", author: People.bob, merger: People.bob, date: "2026-02-06T10:00:00+00:00")
        let azure = try fixture.merge("Merged PR 321: Dunning\n", topic: "dunning", file: "src/dunning.swift", author: People.bob, merger: People.bob, date: "2026-02-07T10:00:00+00:00")
        let kernel = try fixture.git.commit("Fix proration\n\nSigned-off-by: Bob Builder <bob@example.com>\nReviewed-by: Carol Checker <carol@example.com>\nAcked-by: Dana Reyes <dana@example.com>\nTested-by: Dana Reyes <dana@example.com>\n", files: ["src/proration.swift": "// proration\n"], author: People.bob, date: "2026-02-08T10:00:00+00:00")
        let gerritNote = try fixture.git.commit("Index invoices\n", files: ["src/index.swift": "// index\n"], author: People.bob, date: "2026-02-09T10:00:00+00:00")
        try fixture.note("Code-Review+2: Carol Checker <carol@example.com>\nVerified+1: CI <ci@example.com>\nSubmitted-by: Carol Checker <carol@example.com>\n", on: gerritNote, ref: "review")
        let direct = try fixture.git.commit("Quick fix\n", files: ["src/quick.swift": "// quick\n"], author: People.alice, date: "2026-02-10T10:00:00+00:00")

        let population = try fixture.population(EvidenceRequest(now: EvidenceFixture.now, listPaths: true))
        // Without --list-paths the whole-repository scope lists only sensitive paths, and the same exceptions.
        let unlisted = try fixture.population()
        #expect(unlisted.changes.allSatisfy { $0.paths == nil })
        #expect(unlisted.changes.map(\.exceptionIDs) == population.changes.map(\.exceptionIDs))
        #expect(unlisted.changes.last?.sensitivePaths == ["vouch.yml"])
        #expect(population.changes.count == 11)
        #expect(population.changes.map(\.commit.description).first == direct)

        let merge = try population.change(githubMerge)
        #expect(merge.mechanism == .githubMerge && merge.reviewReference == "#12")
        #expect(merge.parents.count == 2)
        #expect(merge.mergedAuthors == [Identity(name: "Bob Builder", email: "bob@example.com")])
        #expect(merge.approvals == [Approval(identity: Identity(name: "Carol Checker", email: "carol@example.com"), kind: .approved, source: .note, reference: "refs/notes/vouch", recordedAt: Timestamp(seconds: 1_769_947_200))])
        #expect(merge.paths == ["src/rounding.swift"])
        #expect(merge.landedAt.iso8601 == "2026-02-01T10:00:00+01:00")
        #expect(merge.exceptions.isEmpty)

        let squashed = try population.change(squash)
        #expect(squashed.mechanism == .githubSquash && squashed.reviewReference == "#13")
        #expect(squashed.coAuthors == [Identity(name: "Dana Reyes", email: "dana@example.com")])
        #expect(squashed.committer.identity.email == "noreply@github.com")
        #expect(squashed.exceptionIDs == ["change-approval-unrecorded"])

        let lab = try population.change(gitlab)
        #expect(lab.mechanism == .gitlab && lab.reviewReference == "billing/api!34")
        #expect(lab.approvals.map(\.source) == [.message])
        #expect(lab.exceptions.isEmpty)

        let gerritChange = try population.change(gerrit)
        #expect(gerritChange.mechanism == .gerrit && gerritChange.reviewReference == "https://review.example.com/c/api/+/77")
        #expect(gerritChange.approvals.map(\.kind) == [.reviewed])

        let phab = try population.change(phabricator)
        #expect(phab.mechanism == .phabricator && phab.approvals.map(\.identity.name) == ["carol"])
        #expect(phab.exceptions.isEmpty)

        #expect(try population.change(bitbucket).mechanism == .bitbucket)
        #expect(try population.change(bitbucket).exceptions.isEmpty)
        let azureChange = try population.change(azure)
        #expect(azureChange.mechanism == .azureDevOps && azureChange.reviewReference == "PR 321")
        #expect(azureChange.exceptionIDs == ["change-approval-unrecorded"])

        let trailers = try population.change(kernel)
        #expect(trailers.mechanism == .trailers)
        #expect(trailers.approvals.map(\.kind) == [.reviewed, .acked, .tested])
        #expect(trailers.independentApprovers.count == 2)

        let noted = try population.change(gerritNote)
        #expect(noted.mechanism == .gerrit)
        #expect(noted.approvals.map(\.kind) == [.approved, .tested])
        #expect(noted.approvals.first?.reference == "refs/notes/review")
        #expect(noted.exceptions.isEmpty)

        let push = try population.change(direct)
        #expect(push.mechanism == .direct)
        #expect(push.exceptionIDs == ["change-unreviewed"])

        let root = try #require(population.changes.last)
        #expect(root.parents.isEmpty)
        #expect(root.paths == ["src/app.swift", "vouch.yml"])
        #expect(root.exceptionIDs == ["change-unreviewed", "change-sensitive-path"])

        // Findings for SARIF and JUnit: at change_management in vouch.yml, with the full commit.
        let findings = population.findings(configuration: try fixture.configuration())
        let unreviewed = try #require(findings.first { $0.commit == direct })
        #expect(unreviewed.rule == "change-unreviewed" && unreviewed.severity == .error)
        #expect(unreviewed.file == "vouch.yml" && unreviewed.line == 8)
        #expect(unreviewed.message.hasPrefix(String(direct.prefix(12))))
    }

    @Test func approvalsAreDatedByTheNoteVersionThatFirstRecordedThem() throws {
        let fixture = try EvidenceFixture()
        let rewritten = try fixture.git.commit("Tune rates\n", files: ["src/rates.swift": "// rates\n"], author: People.bob, date: "2026-03-01T10:00:00+00:00")
        let once = try fixture.git.commit("Tune fees\n", files: ["src/fees.swift": "// fees\n"], author: People.bob, date: "2026-03-02T10:00:00+00:00")
        try fixture.note("Approved-by: Carol Checker <carol@example.com>\n", on: rewritten, date: "2026-03-03T10:00:00+00:00")
        try fixture.note("Approved-by: Carol Checker <carol@example.com>\nReviewed-by: Dana Reyes <dana@example.com>\n", on: rewritten, date: "2026-03-05T10:00:00+00:00")
        try fixture.note("Approved-by: Dana Reyes <dana@example.com>\n", on: once, date: "2026-03-04T10:00:00+00:00")
        let population = try fixture.population()
        let times = { (commit: String) in try population.change(commit).approvals.map { "\($0.identity.name) \($0.recordedAt?.iso8601 ?? "-")" } }
        #expect(try times(rewritten) == ["Carol Checker 2026-03-03T10:00:00+00:00", "Dana Reyes 2026-03-05T10:00:00+00:00"])
        #expect(try times(once) == ["Dana Reyes 2026-03-04T10:00:00+00:00"])
    }

    @Test func mailmapAliasesMakeSelfApprovalVisible() throws {
        let fixture = try EvidenceFixture()
        try fixture.git.commit("Add mailmap\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: [".mailmap": "Alice Example <alice@example.com> <alice@old.example.org>\n"], author: People.bob, date: "2026-03-01T10:00:00+00:00")
        let aliased = try fixture.git.commit("Tune rates\n\nReviewed-by: Alice Example <alice@example.com>\n", files: ["src/rates.swift": "// rates\n"], author: ("A. Example", "alice@old.example.org"), date: "2026-03-02T10:00:00+00:00")
        // The work tree's .mailmap is not read: only the committed one.
        try fixture.git.write([".mailmap": "Someone Else <else@example.com> <alice@old.example.org>\n"])
        let population = try fixture.population()
        let change = try population.change(aliased)
        #expect(change.author.raw == Identity(name: "A. Example", email: "alice@old.example.org"))
        #expect(change.author.identity == Identity(name: "Alice Example", email: "alice@example.com"))
        #expect(change.exceptionIDs == ["change-self-approved"])
        #expect(population.metadata.mailmapBlob != nil)
        #expect(try population.change(try fixture.run(["rev-parse", "HEAD~1"])).exceptionIDs == ["change-sensitive-path"])
    }

    @Test func signaturesEmergenciesAndBots() throws {
        let fixture = try EvidenceFixture(changeManagement: "  branch: main\n  require_signed: true\n  emergency_review_days: 3\n  bots: [\"release-bot@example.com\"]\n")
        try fixture.git.commit("Signed by gpg\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/a.swift": "a\n"], author: People.bob, date: "2026-04-01T10:00:00+00:00")
        let gpg = try fixture.signTip(armor: "PGP SIGNATURE")
        try fixture.git.commit("Signed by ssh\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/b.swift": "b\n"], author: People.bob, date: "2026-04-02T10:00:00+00:00")
        let ssh = try fixture.signTip(armor: "SSH SIGNATURE")
        try fixture.git.commit("Signed by x509\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/c.swift": "c\n"], author: People.bob, date: "2026-04-03T10:00:00+00:00")
        let x509 = try fixture.signTip(armor: "SIGNED MESSAGE")
        let emergencyOnTime = try fixture.git.commit("Restore invoices\n\nEmergency: invoices stopped\n", files: ["src/d.swift": "d\n"], author: People.bob, date: "2026-04-04T10:00:00+00:00")
        try fixture.note("Approved-by: Carol Checker <carol@example.com>\n", on: emergencyOnTime, date: "2026-04-06T10:00:00+00:00")
        let emergencyLate = try fixture.git.commit("Restore payments\n\nEmergency: payments stopped\n", files: ["src/e.swift": "e\n"], author: People.bob, date: "2026-04-05T10:00:00+00:00")
        try fixture.note("Approved-by: Carol Checker <carol@example.com>\n", on: emergencyLate, date: "2026-04-20T10:00:00+00:00")
        let emergencyPending = try fixture.git.commit("Restore exports\n\nEmergency: exports stopped\n", files: ["src/f.swift": "f\n"], author: People.bob, date: "2026-11-22T10:00:00+00:00")
        let bot = try fixture.git.commit("Release 1.2.3\n", files: ["src/g.swift": "g\n"], author: ("Release Bot", "release-bot@example.com"), date: "2026-11-22T11:00:00+00:00")

        let population = try fixture.population()
        // Armors pasted into the header: X.509 cannot be verified here, and an OpenPGP armor that
        // is no signature, or an SSH one that is no SSHSIG, is a forgery.
        #expect(try population.change(gpg).signature?.format == .openpgp)
        #expect(try population.change(gpg).signature?.status == .bad)
        #expect(try population.change(ssh).signature?.format == .ssh)
        #expect(try population.change(ssh).signature?.status == .bad)
        #expect(try population.change(x509).signature?.format == .x509)
        #expect(try population.change(gpg).exceptionIDs == ["change-signature-invalid"])
        #expect(try population.change(x509).exceptionIDs == ["change-signer-unknown"])
        #expect(try population.change(ssh).exceptionIDs == ["change-signature-invalid"])
        #expect(try population.change(emergencyOnTime).exceptionIDs == ["change-unsigned"])
        #expect(try population.change(emergencyOnTime).emergency == "invoices stopped")
        let late = try population.change(emergencyLate)
        #expect(late.exceptionIDs == ["change-unsigned", "change-emergency-unreviewed"])
        #expect(late.exceptions.contains { $0.message.contains("recorded 15 days after landing") })
        #expect(try population.change(emergencyPending).exceptionIDs == ["change-unsigned"])
        let botChange = try population.change(bot)
        #expect(botChange.isBot)
        #expect(botChange.exceptionIDs == ["change-unsigned", "change-bot-unapproved"])
    }

    @Test func periodPathScopeAndRange() throws {
        let fixture = try EvidenceFixture(changeManagement: "  branch: main\n  paths: [\"src/**\", \"vouch.yml\"]\n", rootDate: "2025-12-20T10:00:00+00:00")
        let docs = try fixture.git.commit("Docs only\n", files: ["docs/readme.md": "docs\n"], date: "2026-02-01T10:00:00+00:00")
        let source = try fixture.git.commit("Source and docs\n", files: ["docs/more.md": "more\n", "src/lib/x.swift": "x\n"], date: "2026-02-02T10:00:00+00:00")
        // Skewed committer time: the first-parent order is what counts, not dates.
        let skewed = try fixture.git.commit("Old clock\n", files: ["src/y.swift": "y\n"], date: "2026-01-15T10:00:00+00:00")
        let removal = try fixture.git.commit("Remove x\n", files: [:], date: "2026-03-01T10:00:00+00:00")
        try fixture.run(["rm", "-q", "src/lib/x.swift"])
        try fixture.run(["commit", "-q", "--amend", "--no-edit"], date: "2026-03-01T10:00:00+00:00")
        let removed = try fixture.head()
        _ = removal

        let population = try fixture.population()
        #expect(population.changes.map(\.commit.description) == [removed, skewed, source])
        #expect(try population.change(source).paths == ["src/lib/x.swift"])
        #expect(try population.change(removed).paths == ["src/lib/x.swift"])
        #expect(!population.changes.contains { $0.commit.description == docs })

        let narrow = try fixture.population(EvidenceRequest(selection: .period(since: CalendarDate("2026-02-02"), until: CalendarDate("2026-02-28")), now: Timestamp(seconds: 1_800_000_000)))
        #expect(narrow.changes.map(\.commit.description) == [source])

        let ranged = try fixture.population(EvidenceRequest(selection: .range("\(docs)..main"), now: Timestamp(seconds: 1_800_000_000)))
        #expect(ranged.changes.map(\.commit.description) == [removed, skewed, source])
        #expect(ranged.metadata.tip?.description == removed)
    }

    @Test func rangeFromOffTheFirstParentChain() throws {
        let fixture = try EvidenceFixture()
        try fixture.run(["checkout", "-q", "-b", "topic"])
        let topicWork = try fixture.git.commit("Topic work\n", files: ["src/t.swift": "t\n"], author: People.bob, date: "2026-03-01T10:00:00+00:00")
        try fixture.run(["checkout", "-q", "main"])
        let mainWork = try fixture.git.commit("Main work\n", files: ["src/m.swift": "m\n"], date: "2026-03-02T10:00:00+00:00")
        try fixture.run(["merge", "-q", "--no-ff", "-m", "Merge pull request #3 from example/topic", "topic"], date: "2026-03-03T10:00:00+00:00")
        let merge = try fixture.head()
        let later = try fixture.git.commit("Later\n", files: ["src/l.swift": "l\n"], date: "2026-03-04T10:00:00+00:00")
        // topicWork is not on main's first-parent chain; everything it does not contain is listed.
        let population = try fixture.population(EvidenceRequest(selection: .range("\(topicWork)..main"), now: Timestamp(seconds: 1_800_000_000)))
        #expect(population.changes.map(\.commit.description) == [later, merge, mainWork])
    }

    @Test func octopusMergesRootsAndOddMessages() throws {
        let fixture = try EvidenceFixture()
        for name in ["one", "two"] {
            try fixture.run(["checkout", "-q", "-b", name, "main"])
            try fixture.git.commit("\(name)\n", files: ["src/\(name).swift": "\(name)\n"], author: People.bob, date: "2026-03-01T10:00:00+00:00")
        }
        try fixture.run(["checkout", "-q", "main"])
        try fixture.run(["merge", "-q", "--no-ff", "--no-edit", "-m", "Merge branches one and two\n\nReviewed-by: Carol Checker <carol@example.com>", "one", "two"], date: "2026-03-02T10:00:00+00:00")
        let octopus = try fixture.head()

        // A Latin-1 message with its encoding header, and a message of a few megabytes.
        let latin1 = fixture.url.appendingPathComponent("message.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A, 0x0A] + Array("Reviewed-by: Jos".utf8) + [0xE9] + Array(" <jose@example.com>\n".utf8)).write(to: latin1)
        try fixture.git.write(["src/cafe.swift": "cafe\n"])
        try fixture.run(["add", "src/cafe.swift"])
        try fixture.run(["-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F", latin1.path], date: "2026-03-03T10:00:00+00:00")
        let encoded = try fixture.head()
        try FileManager.default.removeItem(at: latin1)
        let long = try fixture.git.commit("Long\n\n" + String(repeating: "x", count: 3_000_000) + "\n\nReviewed-by: Carol Checker <carol@example.com>\n", files: ["src/long.swift": "long\n"], date: "2026-03-04T10:00:00+00:00")

        let population = try fixture.population(EvidenceRequest(now: EvidenceFixture.now, listPaths: true))
        let merged = try population.change(octopus)
        #expect(merged.parents.count == 3)
        #expect(merged.mergedAuthors.count == 2)
        #expect(merged.paths == ["src/one.swift", "src/two.swift"])
        #expect(merged.exceptions.isEmpty)
        let cafe = try population.change(encoded)
        #expect(cafe.subject == "Café")
        #expect(cafe.approvals.first?.identity.name == "José")
        #expect(try population.change(long).approvals.count == 1)
    }
}

/// Histories longer than a few batches, where several threads judge at once: the records must
/// still come in population order, and a failure or a stop must end the walk cleanly.
@Suite struct LongHistoryTests {
    /// `count` commits on top of `from`, through `git fast-import`: direct changes, changes with
    /// a `Reviewed-by:` trailer and squash commits, one file each, a minute apart.
    private static func importCommits(_ count: Int, from parent: String, into fixture: EvidenceFixture) throws {
        var stream = ""
        for index in 0..<count {
            let message: String
            switch index % 3 {
            case 0: message = "Direct change \(index)\n"
            case 1: message = "Fix \(index)\n\nReviewed-by: Carol Checker <carol@example.com>\n"
            default: message = "Feature \(index) (#\(index))\n"
            }
            let time = 1_772_359_200 + index * 60 // 2026-03-01T10:00:00Z onwards
            let content = "// change \(index)\n"
            stream += "commit refs/heads/main\n"
            stream += "author Bob Builder <bob@example.com> \(time) +0000\ncommitter Bob Builder <bob@example.com> \(time) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)\n"
            if index == 0 { stream += "from \(parent)\n" }
            stream += "M 100644 inline src/f\(index % 200).swift\ndata \(content.utf8.count)\n\(content)\n"
        }
        try fixture.run(["fast-import", "--quiet", "--force"], input: stream)
    }

    @Test(.hangLimit(minutes: 2)) func recordsComeInPopulationOrder() throws {
        let fixture = try EvidenceFixture()
        try Self.importCommits(1_300, from: fixture.head(), into: fixture)
        let expected = try fixture.run(["rev-list", "--first-parent", "main"]).split(separator: "\n").map(String.init)

        let population = try fixture.population()
        #expect(population.summary.count == 1_301)
        #expect(Self.firstDifference(population.changes.map(\.commit.description), expected) == nil)
        #expect(population.changes.prefix(3).map(\.mechanism) == [.direct, .githubSquash, .trailers])
        #expect(population.summary.digest == RecordDigest(population.changes).value)

        // The JSON-only walk judges the same records, in the same order.
        let walker = try PopulationWalker(repository: fixture.repository(), configuration: fixture.configuration(), request: EvidenceRequest(now: EvidenceFixture.now))
        var lines: [[UInt8]] = []
        let summary = try walker.walkCanonical { lines.append(Array($0)) }
        #expect(Self.firstDifference(lines, population.changes.map(\.canonicalJSONBytes)) == nil)
        #expect(summary.digest == population.summary.digest)
    }

    /// Where two lists first differ (nil when equal), rather than both lists in full.
    private static func firstDifference<Element: Equatable>(_ found: [Element], _ expected: [Element]) -> Int? {
        zip(found, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? (found.count == expected.count ? nil : min(found.count, expected.count))
    }

    private struct Stop: Error {}

    /// A caller that stops part of the way gets its own error back, and every thread of the walk ends.
    @Test(.hangLimit(minutes: 2)) func aStoppedWalkEnds() throws {
        let fixture = try EvidenceFixture()
        try Self.importCommits(1_300, from: fixture.head(), into: fixture)
        let walker = try PopulationWalker(repository: fixture.repository(), configuration: fixture.configuration(), request: EvidenceRequest(now: EvidenceFixture.now))
        var seen = 0
        #expect(throws: Stop.self) {
            try walker.walk { _, _ in
                seen += 1
                if seen == 300 { throw Stop() }
            }
        }
        #expect(seen == 300)
    }

    /// A parent missing hundreds of changes down is an error, even with records already judged:
    /// no partial population is printed.
    @Test(.hangLimit(minutes: 2)) func aMissingParentDeepInTheHistoryFailsTheWalk() throws {
        let fixture = try EvidenceFixture()
        let tree = try fixture.run(["rev-parse", "HEAD^{tree}"])
        let missing = String(repeating: "1", count: 40)
        let orphan = try fixture.run(["hash-object", "-t", "commit", "-w", "--stdin"], input: """
            tree \(tree)
            parent \(missing)
            author Bob Builder <bob@example.com> 1772359200 +0000
            committer Bob Builder <bob@example.com> 1772359200 +0000

            Lost its parent

            """)
        try Self.importCommits(900, from: orphan, into: fixture)

        #expect(throws: EvidenceError.self) { try fixture.population() }
        let result = try fixture.vouch(["evidence", "--format", "json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("the history is incomplete") && result.stderr.contains(missing))
    }
}

import Foundation
import Testing
import VouchKit

/// Which run artefacts are read and hashed: `vouch lint --staged` asks a commit about the
/// artefacts it changes (an artefact whose blob is the one HEAD holds is read only when a staged
/// change to a run record names it), and `vouch runs` needs none of them.
@Suite struct RunArtifactReadingTests {
    static let artefact = "runs/AC-03/2025-Q1/console-users.csv"
    static let record = "runs/AC-03/2025-Q1.md"

    /// The repository's own program committed, with `files` changed in that commit.
    static func repository(committing files: [String: String] = [:]) throws -> GitFixture {
        let fixture = try GitFixture()
        var program = try TestSupport.repositoryProgram(runs: true)
        program.merge(files) { $1 }
        try fixture.commit("Program", files: program)
        return fixture
    }

    /// The artefact findings of `vouch lint` (staged or not), as "rule path".
    static func artefactFindings(_ fixture: GitFixture, staged: Bool) throws -> [String] {
        let result = try TestSupport.vouch(["lint", "--format", "json", "--as-of", RunsCommandTests.settled] + (staged ? ["--staged"] : []), in: fixture.url)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let json = try RunsCommandTests.object(result.stdout)
        let findings = try #require(json["findings"] as? [[String: Any]])
        return findings.compactMap { finding in
            guard let rule = finding["rule"] as? String, rule.hasPrefix("run-artifact") else { return nil }
            return "\(rule) \(finding["file"] as? String ?? "")"
        }
    }

    @Test func aStagedArtefactChangeIsHashed() throws {
        let fixture = try Self.repository()
        #expect(try Self.artefactFindings(fixture, staged: true).isEmpty)
        try fixture.write([Self.artefact: "account,owner,decision\nroot,nobody,keep\n"])
        try fixture.run(["add", Self.artefact])
        #expect(try Self.artefactFindings(fixture, staged: true) == ["run-artifact-mismatch \(Self.record)"])
    }

    @Test func aStagedRecordIsCheckedAgainstItsUnchangedArtefact() throws {
        let fixture = try Self.repository()
        let text = try String(contentsOf: fixture.url.appendingPathComponent(Self.record), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "a3af0f2066aad4de2476049506eeb3e5af598946fc668067ca59670603800270", with: String(repeating: "0", count: 64))
        #expect(edited != text, "the record names the artefact by its hash")
        try fixture.write([Self.record: edited])
        try fixture.run(["add", Self.record])
        #expect(try Self.artefactFindings(fixture, staged: true) == ["run-artifact-mismatch \(Self.record)"])
    }

    @Test func anUnchangedPairIsLeftToTheCommitThatMadeIt() throws {
        // A mismatch committed earlier (with the hook bypassed) belongs to that commit: a commit
        // changing only a control is not asked about it. The work tree's lint still finds it.
        let fixture = try Self.repository(committing: [Self.artefact: "tampered\n"])
        try fixture.write(["controls/cm-01-change-review.md": try String(contentsOf: fixture.url.appendingPathComponent("controls/cm-01-change-review.md"), encoding: .utf8) + "\nReviewed again.\n"])
        try fixture.run(["add", "controls/cm-01-change-review.md"])
        #expect(try Self.artefactFindings(fixture, staged: true).isEmpty)
        #expect(try Self.artefactFindings(fixture, staged: false) == ["run-artifact-mismatch \(Self.record)"])
        // Staging the record again (any change to it) brings its artefacts back into the check.
        try fixture.write([Self.record: try String(contentsOf: fixture.url.appendingPathComponent(Self.record), encoding: .utf8) + "\nChecked again.\n"])
        try fixture.run(["add", Self.record])
        #expect(try Self.artefactFindings(fixture, staged: true) == ["run-artifact-mismatch \(Self.record)"])
    }

    @Test func anArtefactRemovedFromTheIndexIsMissing() throws {
        let fixture = try Self.repository()
        try fixture.run(["rm", "-q", "--cached", Self.artefact])
        #expect(try Self.artefactFindings(fixture, staged: true) == ["run-artifact-missing \(Self.record)"])
    }

    @Test func theFirstCommitReadsEveryArtefact() throws {
        let fixture = try GitFixture()
        var program = try TestSupport.repositoryProgram(runs: true)
        program[Self.artefact] = "tampered\n"
        try fixture.write(program)
        try fixture.run(["add", "-A"])
        #expect(try Self.artefactFindings(fixture, staged: true) == ["run-artifact-mismatch \(Self.record)"])
    }

    @Test func theCalendarIsReadWithoutTheArtefacts() throws {
        let folder = try RunsCommandTests.program()
        let workspace = Workspace(current: folder.url)
        let (_, hashed) = try workspace.loadProgram()
        let (_, listed) = try workspace.loadProgram(readingRunArtifacts: false)
        #expect(hashed.runArtifacts[Self.artefact] != nil && hashed.unreadRunArtifacts.isEmpty)
        #expect(listed.runArtifacts.isEmpty)
        #expect(listed.unreadRunArtifacts == Set(hashed.runArtifacts.keys))
        #expect(listed.runs.count == hashed.runs.count)
        // What `vouch runs` shows does not depend on them.
        let judged = try #require(CalendarDate(RunsCommandTests.settled))
        #expect(RunCalendar(program: listed, judgedOn: judged).controls.map { $0.occurrences.map(\.status) } == RunCalendar(program: hashed, judgedOn: judged).controls.map { $0.occurrences.map(\.status) })
    }
}

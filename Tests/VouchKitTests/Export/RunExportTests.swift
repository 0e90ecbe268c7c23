import Foundation
import Testing
import VouchKit

/// The operation of periodic controls in the auditor's package: the run population, its sample,
/// the artefacts copied and hashed, and the heat map, through the built `vouch` binary.
@Suite struct RunExportTests {
    static let artifactText = "account,owner,decision\nalice,Dana Reyes,keep\nbob,Sam Okafor,remove\n"
    static let artifactPath = "runs/ZZ-09/2026-01/accounts.csv"

    /// The starter program as a SOC 2 Type 2 for 2026, committed on 2026-06-30, with a monthly
    /// control ZZ-09 whose January run is recorded, February's late, March's with exceptions,
    /// April's missing, May's recorded, June's due and the rest upcoming.
    static func fixture(artifact: String = artifactText, recordedHash: String? = nil, extra: [String: String] = [:]) throws -> ExportFixture {
        let digest = recordedHash ?? SHA256.hex(SHA256.hash(Array(artifact.utf8)))
        func record(_ occurrence: String, performed: String, result: String = "effective", more: String = "") -> String {
            """
            ---
            control: ZZ-09
            occurrence: \(occurrence)
            performed: \(performed)
            performed_by: Dana Reyes <dana.reyes@example.com>
            reviewed_by: Sam Okafor <sam.okafor@example.com>
            result: \(result)
            \(more)---
            The monthly review of console accounts for \(occurrence).

            """
        }
        var files = [
            "controls/zz-09-monthly-review.md": """
                ---
                id: ZZ-09
                title: Monthly review of console accounts
                criteria: [CC6.2]
                owner: Head of IT
                frequency: monthly
                kind: detective
                automation: manual
                status: implemented
                runs: {starts: 2026-01-01}
                evidence:
                  - The month's list of console accounts with each owner's decision
                ---
                Each month the owner of each console account confirms it is still needed.

                """,
            "runs/ZZ-09/2026-01.md": record("2026-01", performed: "2026-02-05", more: "artifacts:\n  - file: \(artifactPath)\n    sha256: \(digest)\n  - url: https://reader:hunter2@drive.example.com/file/abc\n    sha256: \(String(repeating: "ab", count: 32))\n"),
            artifactPath: artifact,
            "runs/ZZ-09/2026-02.md": record("2026-02", performed: "2026-03-20"),
            "runs/ZZ-09/2026-03.md": record("2026-03", performed: "2026-04-07", result: "exceptions", more: "exceptions:\n  - finding: One leaver still had an account\n    remediation: Removed on 2026-04-08\n"),
            "runs/ZZ-09/2026-05.md": record("2026-05", performed: "2026-06-04"),
        ]
        for (path, contents) in extra { files[path] = contents }
        return try ExportFixture(extraFiles: files, typeTwo: true)
    }

    /// A package written by `vouch export`; the folder lives as long as the value.
    struct Exported {
        let output: TemporaryDirectory
        let result: TestSupport.ProcessResult
        var package: URL { output.url.appendingPathComponent("package") }
    }

    static func exported(_ fixture: ExportFixture, _ arguments: [String] = []) throws -> Exported {
        let output = try TemporaryDirectory()
        let result = try fixture.export(arguments, into: output)
        #expect(result.status == 0, "\(result.stderr)")
        return Exported(output: output, result: result)
    }

    static func text(_ package: URL, _ path: String) throws -> String {
        try String(contentsOf: package.appendingPathComponent(path), encoding: .utf8)
    }

    static func json(_ package: URL, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: package.appendingPathComponent(path))) as? [String: Any])
    }

    static func control(_ runs: [String: Any], _ id: String) throws -> [String: Any] {
        try #require((runs["controls"] as? [[String: Any]])?.first { $0["id"] as? String == id })
    }

    @Test func thePopulationOfOccurrencesIsInTheJSONAndTheCSV() throws {
        let exported = try Self.exported(try Self.fixture())
        let package = exported.package
        let evidence = try Self.json(package, "evidence/runs.json")
        let description = try #require(try Self.json(package, "system-description.json")["runs"] as? [String: Any])
        #expect(NSDictionary(dictionary: evidence) == NSDictionary(dictionary: description))
        #expect(evidence["judgedOn"] as? String == "2026-06-30")
        let occurrences = try #require(try Self.control(evidence, "ZZ-09")["occurrences"] as? [[String: Any]])
        #expect(occurrences.map { $0["status"] as? String ?? "" } == ["recorded", "late", "exception", "missing", "recorded", "due"] + Array(repeating: "upcoming", count: 6))
        let january = try #require(occurrences.first?["record"] as? [String: Any])
        #expect(january["file"] as? String == "runs/ZZ-09/2026-01.md")
        #expect(january["performed"] as? String == "2026-02-05")
        #expect(january["performed_by"] as? String == "Dana Reyes <dana.reyes@example.com>")
        #expect(january["reviewed_by"] as? String == "Sam Okafor <sam.okafor@example.com>")
        #expect(january["result"] as? String == "effective")
        #expect((january["artifacts"] as? [[String: Any]])?.first?["file"] as? String == Self.artifactPath)
        #expect(occurrences[3]["record"] == nil)

        let csv = try Self.text(package, "evidence/runs.csv").components(separatedBy: "\r\n")
        #expect(csv.first == "control,frequency,occurrence,start,end,due,status,file,performed,performed_by,reviewed_by,result,artifacts")
        let rows = csv.filter { $0.hasPrefix("ZZ-09,") }
        #expect(rows.count == 12)
        #expect(rows[0].hasPrefix("ZZ-09,monthly,2026-01,2026-01-01,2026-01-31,2026-02-10,recorded,runs/ZZ-09/2026-01.md,2026-02-05,Dana Reyes <dana.reyes@example.com>,Sam Okafor <sam.okafor@example.com>,effective,"))
        #expect(rows[0].contains("\(Self.artifactPath) sha256:"))
        #expect(rows[3] == "ZZ-09,monthly,2026-04,2026-04-01,2026-04-30,2026-05-10,missing,,,,,,")
        // A URL's credentials never reach the package.
        #expect(!csv.joined().contains("hunter2"))
        #expect(!(try Self.text(package, "evidence/runs.json")).contains("hunter2"))
        #expect(!(try Self.text(package, "manifest.json")).contains("hunter2"))
    }

    @Test func theSampleIsTheOneVouchRunsSampleDraws() throws {
        let fixture = try Self.fixture()
        let exported = try Self.exported(fixture)
        let package = exported.package
        let samples = try #require(try Self.json(package, "evidence/runs.json")["samples"] as? [[String: Any]])
        let sample = try #require(samples.first { $0["control"] as? String == "ZZ-09" })
        #expect(sample["seed"] as? String == "2026-01-01..2026-12-31")
        #expect(sample["population"] as? Int == 5)
        #expect(sample["size"] as? Int == 2)
        let drawn = try TestSupport.vouch(["runs", "sample", "--control", "ZZ-09", "--size", "auto", "--as-of", "2026-06-30", "--format", "json"], in: fixture.url)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let command = try #require(try JSONSerialization.jsonObject(with: Data(drawn.stdout.utf8)) as? [String: Any])
        let names = { (sample: [String: Any]) in (sample["occurrences"] as? [[String: Any]] ?? []).compactMap { $0["occurrence"] as? String } }
        #expect(names(sample).count == 2)
        #expect(names(sample) == names(command))
    }

    @Test func artifactsAreCopiedFromTheCommitAndListedWithTheirHashes() throws {
        let fixture = try Self.fixture()
        // The work tree's copy is not what the commit holds: the export reads the commit.
        try Data("edited in the work tree\n".utf8).write(to: fixture.url.appendingPathComponent(Self.artifactPath))
        let exported = try Self.exported(fixture)
        let package = exported.package, result = exported.result
        #expect(try Self.text(package, "artifacts/" + Self.artifactPath) == Self.artifactText)
        #expect(!result.stderr.contains("accounts.csv"))
        // The count it reports is of every file written, the copies among them.
        let written = FileManager.default.enumerator(at: package, includingPropertiesForKeys: [.isRegularFileKey])?.compactMap { ($0 as? URL).flatMap { try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile } == true ? 1 : nil }.count ?? 0
        #expect(result.stdout.contains("wrote \(written) files to"), "\(result.stdout)")
        let manifest = try Self.json(package, "manifest.json")
        let digest = SHA256.hex(SHA256.hash(Array(Self.artifactText.utf8)))
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        #expect(outputs.contains { $0["path"] as? String == "artifacts/" + Self.artifactPath && $0["sha256"] as? String == digest })
        let runs = try #require(manifest["runs"] as? [String: Any])
        #expect(runs["judgedOn"] as? String == "2026-06-30")
        let artifacts = try #require(runs["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 2)
        #expect(artifacts[0]["file"] as? String == Self.artifactPath && artifacts[0]["status"] as? String == "matches" && artifacts[0]["sha256"] as? String == digest)
        #expect(artifacts[0]["package"] as? String == "artifacts/" + Self.artifactPath)
        #expect(artifacts[1]["url"] as? String == "https://drive.example.com/file/abc" && artifacts[1]["status"] as? String == "external")
        #expect(artifacts[1]["sha256"] as? String == String(repeating: "ab", count: 32))
    }

    @Test func anArtifactThatIsNotTheRecordedOneIsReported() throws {
        let fixture = try Self.fixture(recordedHash: String(repeating: "0", count: 64))
        let exported = try Self.exported(fixture)
        let package = exported.package, result = exported.result
        #expect(result.stderr.contains("\(Self.artifactPath): SHA-256 \(SHA256.hex(SHA256.hash(Array(Self.artifactText.utf8)))) is not the \(String(repeating: "0", count: 64))"))
        let artifacts = try #require((try Self.json(package, "manifest.json")["runs"] as? [String: Any])?["artifacts"] as? [[String: Any]])
        #expect(artifacts[0]["status"] as? String == "mismatch")
        #expect(try Self.text(package, "system-description.html").contains("\(Self.artifactPath) (runs/ZZ-09/2026-01.md): its SHA-256 is"))
        // The package is still what the commit gives: it verifies, with the mismatch as a note.
        let verified = try TestSupport.vouch(["verify", package.path], in: fixture.url)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect((verified.stdout + verified.stderr).contains("\(Self.artifactPath): the export found SHA-256"))
    }

    @Test func verifyFailsOnATamperedArtifact() throws {
        let fixture = try Self.fixture()
        let exported = try Self.exported(fixture)
        let package = exported.package
        #expect(try TestSupport.vouch(["verify", package.path], in: fixture.url).status == 0)
        try Data("account,owner,decision\nalice,Dana Reyes,keep\n".utf8).write(to: package.appendingPathComponent("artifacts/" + Self.artifactPath))
        let result = try TestSupport.vouch(["verify", package.path], in: fixture.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("artifacts/\(Self.artifactPath): modified"))
        #expect(result.stdout.contains("artifacts/\(Self.artifactPath): not the artefact of run record runs/ZZ-09/2026-01.md"))
        // Outside the repository only the files are checked, and the tampering is still caught.
        let elsewhere = try TemporaryDirectory()
        let outside = try TestSupport.vouch(["verify", package.path], in: elsewhere.url)
        #expect(outside.status == 1)
        #expect(outside.stdout.contains("artifacts/\(Self.artifactPath)"))
    }

    @Test func theHTMLShowsAHeatMapWithAMarkForEveryStatus() throws {
        let exported = try Self.exported(try Self.fixture())
        let package = exported.package
        let html = try Self.text(package, "system-description.html")
        #expect(html.contains("<section id=\"section-operation\">"))
        #expect(html.contains("<table class=\"heat-map\">"))
        #expect(html.contains("<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Jan</th><th scope=\"col\">Feb</th>"))
        let row = try #require(html.components(separatedBy: "\n").first { $0.hasPrefix("<tr><th scope=\"row\">ZZ-09 ") })
        let cells = row.components(separatedBy: "<td").dropFirst().map { "<td" + $0.replacingOccurrences(of: "</tr>", with: "") }
        #expect(cells.count == 12)
        #expect(cells[0] == "<td class=\"run run-recorded\" title=\"2026-01 recorded\">✔</td>")
        #expect(cells[1] == "<td class=\"run run-late\" title=\"2026-02 late\">L</td>")
        #expect(cells[2] == "<td class=\"run run-exception\" title=\"2026-03 exception\">!</td>")
        #expect(cells[3] == "<td class=\"run run-missing\" title=\"2026-04 missing\">✘</td>")
        #expect(cells[5] == "<td class=\"run run-due\" title=\"2026-06 due\">…</td>")
        #expect(cells[11] == "<td class=\"run run-upcoming\" title=\"2026-12 upcoming\">·</td>")
        // A colour for each status, and a legend naming every mark.
        for status in RunStatus.allCases {
            #expect(html.contains(".run-\(status.rawValue) { background:"))
            #expect(html.contains("<span class=\"run run-\(status.rawValue)\">\(status.mark)</span> \(status.rawValue)"))
        }
        // Under it, the missing and late runs (and the one with exceptions).
        let problems = try #require(html.components(separatedBy: "<h3 id=\"operation-problems\">").last?.components(separatedBy: "</table>").first)
        #expect(problems.contains("<td>2026-04</td><td class=\"flagged\">✘ missing</td><td>2026-05-10</td><td>—</td><td class=\"flagged\">none</td>"))
        #expect(problems.contains("<td>2026-02</td><td>L late</td><td>2026-03-10</td><td>2026-03-20</td><td>runs/ZZ-09/2026-02.md</td>"))
        #expect(problems.contains("<td>2026-03</td><td>! exception</td>"))
        // ZZ-09's group lists February, March and April only: recorded runs are not problems.
        let group = try #require(problems.components(separatedBy: "ZZ-09</a></td>").last?.components(separatedBy: "<tr><td><a").first)
        #expect(group.components(separatedBy: "<tr").count == 3)
        #expect(!group.contains("<td>2026-01</td>") && !group.contains("<td>2026-05</td>"))
        // The Markdown says the same with the same marks.
        let markdown = try Self.text(package, "system-description.md")
        #expect(markdown.contains("| ZZ-09 (monthly) | ✔ | L | ! | ✘ | ✔ | … | · | · | · | · | · | · |"))
    }

    @Test func consecutiveMissingDaysAreOneRowUnderTheHeatMap() throws {
        // A daily check evidenced once, on 2026-05-10, in May and June: judged on 2026-06-30, the
        // days before and after it up to 2026-06-28 are missing (a day is due the day after).
        let control = """
            ---
            id: ZZ-10
            title: Daily backup check
            criteria: [A1.2]
            owner: Head of IT
            frequency: daily
            kind: detective
            automation: manual
            status: implemented
            runs: {starts: 2026-05-01}
            evidence:
              - The day's backup job log, checked
            ---
            Each day the on-call engineer checks the night's backup finished.

            """
        let record = """
            ---
            control: ZZ-10
            occurrence: 2026-05-10
            performed: 2026-05-10
            performed_by: Dana Reyes <dana.reyes@example.com>
            reviewed_by: Sam Okafor <sam.okafor@example.com>
            result: effective
            ---
            The backup of 2026-05-09 finished at 02:14.

            """
        let exported = try Self.exported(try Self.fixture(extra: ["controls/zz-10-daily-backup-check.md": control, "runs/ZZ-10/2026-05-10.md": record]))
        let html = try Self.text(exported.package, "system-description.html")
        let problems = try #require(html.components(separatedBy: "<h3 id=\"operation-problems\">").last?.components(separatedBy: "</table>").first)
        let group = try #require(problems.components(separatedBy: "ZZ-10</a></td>").last?.components(separatedBy: "<tr><td><a").first)
        #expect(group.components(separatedBy: "<tr").count == 2, "\(group)")
        #expect(problems.contains("<td>2026-05-01 to 2026-05-09 (9)</td><td class=\"flagged\">✘ missing</td><td>2026-05-02 to 2026-05-10</td><td>—</td><td class=\"flagged\">none</td>"))
        #expect(problems.contains("<td>2026-05-11 to 2026-06-28 (49)</td><td class=\"flagged\">✘ missing</td><td>2026-05-12 to 2026-06-29</td>"))
        // The population keeps every occurrence: only the document gathers them.
        let runs = try Self.json(exported.package, "evidence/runs.json")
        let occurrences = try #require(try Self.control(runs, "ZZ-10")["occurrences"] as? [[String: Any]])
        #expect(occurrences.filter { $0["status"] as? String == "missing" }.count == 58)
    }

    @Test func aQuarterlyOccurrenceSpansItsMonths() throws {
        let exported = try Self.exported(try Self.fixture())
        let package = exported.package
        let html = try Self.text(package, "system-description.html")
        // The starter's quarterly access review: Q1 missing by 2026-06-30, Q2 due, Q3 and Q4 upcoming.
        let row = try #require(html.components(separatedBy: "\n").first { $0.hasPrefix("<tr><th scope=\"row\">AC-03 ") })
        #expect(row.contains("<td colspan=\"3\" class=\"run run-missing\" title=\"2026-Q1 missing\">✘</td><td colspan=\"3\" class=\"run run-due\" title=\"2026-Q2 due\">…</td>"))
    }

    @Test func runsAreJudgedOnTheDayAsOfNamesAndVerifyRebuildsAlike() throws {
        let fixture = try Self.fixture()
        let exported = try Self.exported(fixture, ["--as-of", "2027-03-01"])
        let package = exported.package
        let runs = try Self.json(package, "evidence/runs.json")
        #expect(runs["judgedOn"] as? String == "2027-03-01")
        let statuses = try #require(try Self.control(runs, "ZZ-09")["occurrences"] as? [[String: Any]]).map { $0["status"] as? String ?? "" }
        #expect(statuses == ["recorded", "late", "exception"] + Array(repeating: "missing", count: 1) + ["recorded"] + Array(repeating: "missing", count: 7))
        let verified = try TestSupport.vouch(["verify", package.path], in: fixture.url)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("rebuilt from the commit"))
    }

    @Test func twoClonesGiveTheSameRunFiles() throws {
        let fixture = try Self.fixture()
        let exported = try Self.exported(fixture)
        let first = exported.package
        let clones = try TemporaryDirectory()
        let clone = clones.url.appendingPathComponent("elsewhere")
        try TestSupport.run(GitFixture.git, ["clone", "-q", "file://\(fixture.url.path)", clone.path], in: clones.url)
        try TestSupport.run(GitFixture.git, ["remote", "set-url", "origin", ExportFixture.remote], in: clone)
        let second = clones.url.appendingPathComponent("package")
        let result = try TestSupport.vouch(["export", "--out", second.path], in: clone)
        #expect(result.status == 0, "\(result.stderr)")
        let files = PackageVerifier.filesBelow(first)
        #expect(files.contains("evidence/runs.json") && files.contains("artifacts/" + Self.artifactPath))
        #expect(files == PackageVerifier.filesBelow(second))
        for path in files {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(path).path) == FileManager.default.contents(atPath: second.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func aType1ProgramWritesNoRunFiles() throws {
        let fixture = try ExportFixture()
        let exported = try Self.exported(fixture)
        let package = exported.package
        #expect(!FileManager.default.fileExists(atPath: package.appendingPathComponent("evidence/runs.json").path))
        #expect(try Self.json(package, "manifest.json")["runs"] == nil)
        #expect(!(try Self.text(package, "system-description.html")).contains("heat-map\">"))
    }
}

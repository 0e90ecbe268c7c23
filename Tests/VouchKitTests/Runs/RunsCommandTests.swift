import Foundation
import Testing
import VouchCore
import VouchKit

/// `vouch runs`, `vouch runs record` and `vouch runs sample` through the binary, on the
/// repository's own program (a 2025 Type 2 period with a year of run records).
@Suite struct RunsCommandTests {
    /// A day after every occurrence of 2025 was due (the last, annual ones, on 2026-03-01).
    static let settled = "2026-03-02"

    static func program(without removed: [String] = []) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        var files = try TestSupport.repositoryProgram(runs: true)
        for path in removed { #expect(files.removeValue(forKey: path) != nil, "\(path) is not in the program") }
        try TestSupport.write(files, to: folder.url)
        return folder
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func occurrences(_ json: [String: Any], control: String) throws -> [[String: Any]] {
        let controls = try #require(json["controls"] as? [[String: Any]])
        let entry = try #require(controls.first { $0["id"] as? String == control })
        return try #require(entry["occurrences"] as? [[String: Any]])
    }

    static func status(_ occurrences: [[String: Any]], _ name: String) -> String? {
        occurrences.first { $0["occurrence"] as? String == name }?["status"] as? String
    }

    static func hex(_ text: String) -> String { SHA256.hex(SHA256.hash(text)) }

    @Test func theCalendarShowsEveryStatusOfTheRepositorysYear() throws {
        let folder = try Self.program()
        let result = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--format", "json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.object(result.stdout)
        #expect(json["judgedOn"] as? String == Self.settled)
        let review = try Self.occurrences(json, control: "AC-03")
        #expect(review.map { $0["occurrence"] as? String } == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        #expect(Self.status(review, "2025-Q1") == "recorded")
        #expect(Self.status(review, "2025-Q2") == "late")
        #expect(Self.status(review, "2025-Q3") == "exception")
        let record = try #require(review.first?["record"] as? [String: Any])
        #expect(record["file"] as? String == "runs/AC-03/2025-Q1.md")
        #expect(record["performed"] as? String == "2025-04-07")
        #expect(record["reviewed_by"] as? String == "Sam Okafor <sam.okafor@example.com>")
        let artifacts = try #require(record["artifacts"] as? [[String: Any]])
        #expect(artifacts.first?["file"] as? String == "runs/AC-03/2025-Q1/console-users.csv")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["missing"] as? Int == 0 && summary["late"] as? Int == 1 && summary["exception"] as? Int == 1)
        #expect(summary["due"] as? Int == 0 && summary["upcoming"] as? Int == 0)

        let text = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "AC-03"], in: folder.url)
        #expect(text.status == 0)
        #expect(text.stdout.contains("AC-03  quarterly   Q1 ✔  Q2 ✔ late  Q3 ! exceptions  Q4 ✔\n"), "\(text.stdout)")
        #expect(text.stdout.contains("AC-03 2025-Q2: late (runs/AC-03/2025-Q2.md)"), "\(text.stdout)")

        let csv = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "AC-03", "--format", "csv"], in: folder.url)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }  // RFC 4180 line ends
        #expect(rows.first == "control,frequency,occurrence,start,end,due,status,file,performed,performed_by,reviewed_by,result,artifacts")
        #expect(rows.count == 5 && rows[2].hasPrefix("AC-03,quarterly,2025-Q2,2025-04-01,2025-06-30,2025-07-30,late,"))
    }

    @Test func aMissingRecordIsMissingInTheCalendarInLintAndInCheck() throws {
        let folder = try Self.program(without: ["runs/AC-01/2025-Q3.md"])
        let runs = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "AC-01", "--format", "json"], in: folder.url)
        #expect(runs.status == 1)
        #expect(Self.status(try Self.occurrences(try Self.object(runs.stdout), control: "AC-01"), "2025-Q3") == "missing")
        let text = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "AC-01"], in: folder.url)
        #expect(text.stdout.contains("AC-01 2025-Q3: missing, was due by 2025-10-30"), "\(text.stdout)")

        let lint = try TestSupport.vouch(["lint", "--as-of", Self.settled], in: folder.url)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("[run-missing]") && lint.stdout.contains("AC-01") && lint.stdout.contains("2025-Q3"), "\(lint.stdout)")

        let sarif = try TestSupport.vouch(["check", "--as-of", Self.settled, "--format", "sarif"], in: folder.url)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.contains("\"ruleId\": \"run-missing\""), "\(sarif.stdout.prefix(400))")

        // Before it was due, the same gap is no finding.
        let reminder = try TestSupport.vouch(["runs", "--as-of", "2025-10-20", "--control", "AC-01"], in: folder.url)
        #expect(reminder.status == 0 && reminder.stdout.contains("AC-01 2025-Q3: due by 2025-10-30, no record yet"), "\(reminder.stdout)")
        let early = try TestSupport.vouch(["runs", "--as-of", "2025-10-20", "--control", "AC-01", "--format", "json"], in: folder.url)
        #expect(early.status == 0)
        let occurrences = try Self.occurrences(try Self.object(early.stdout), control: "AC-01")
        #expect(Self.status(occurrences, "2025-Q3") == "due")
    }

    @Test func unknownAndRunlessControlsAreUsageErrors() throws {
        let folder = try Self.program()
        let unknown = try TestSupport.vouch(["runs", "--control", "NOPE-1", "--as-of", Self.settled], in: folder.url)
        #expect(unknown.status == 2 && unknown.stderr.contains("no control 'NOPE-1'"), "\(unknown.stderr)")
        let sample = try TestSupport.vouch(["runs", "sample", "--control", "NOPE-1"], in: folder.url)
        #expect(sample.status == 2)
    }

    @Test func recordWritesTheRecordAndItsArtefactAndRefusesToOverwrite() throws {
        let folder = try Self.program(without: ["runs/AC-01/2025-Q3.md"])
        let attachment = folder.url.appendingPathComponent("export.csv")
        let contents = "account,factor\nalice,webauthn\n"
        try contents.write(to: attachment, atomically: true, encoding: .utf8)
        let arguments = ["runs", "record", "AC-01", "--occurrence", "2025-Q3", "--performed", "2025-10-20",
                         "--performed-by", "Aiko Tanaka <aiko.tanaka@example.com>", "--reviewed-by", "Dana Reyes <dana.reyes@example.com>",
                         "--attach", attachment.path, "--message", "MFA report reviewed."]
        let written = try TestSupport.vouch(arguments, in: folder.url)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote runs/AC-01/2025-Q3.md"), "\(written.stdout)")
        let record = try String(contentsOf: folder.url.appendingPathComponent("runs/AC-01/2025-Q3.md"), encoding: .utf8)
        let digest = Self.hex(contents)
        #expect(record.contains("occurrence: 2025-Q3") && record.contains("performed: 2025-10-20"), "\(record)")
        #expect(record.contains("file: \"runs/AC-01/2025-Q3/export.csv\"") && record.contains("sha256: \(digest)"), "\(record)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("runs/AC-01/2025-Q3/export.csv"), encoding: .utf8) == contents)

        // The program is whole again: the record is read back as recorded.
        let runs = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "AC-01", "--format", "json"], in: folder.url)
        let status = Self.status(try Self.occurrences(try Self.object(runs.stdout), control: "AC-01"), "2025-Q3")
        #expect(runs.status == 0 && status == "recorded")
        #expect(try TestSupport.vouch(["lint", "--as-of", Self.settled], in: folder.url).status == 0)

        // A second time: refused, and the first record is untouched.
        let again = try TestSupport.vouch(arguments, in: folder.url)
        #expect(again.status == 2 && again.stderr.contains("runs/AC-01/2025-Q3.md"), "\(again.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("runs/AC-01/2025-Q3.md"), encoding: .utf8) == record)
    }

    @Test func recordRefusesLargeAttachmentsAndUnpairedExceptionsWritingNothing() throws {
        let folder = try Self.program(without: ["runs/AC-01/2025-Q3.md"])
        let large = folder.url.appendingPathComponent("dump.bin")
        try Data(count: 10 * 1024 * 1024 + 1).write(to: large)
        let base = ["runs", "record", "AC-01", "--occurrence", "2025-Q3", "--performed", "2025-10-20", "--performed-by", "aiko.tanaka@example.com"]
        let refused = try TestSupport.vouch(base + ["--attach", large.path], in: folder.url)
        #expect(refused.status == 2 && refused.stderr.contains("dump.bin"), "\(refused.stderr)")
        let unpaired = try TestSupport.vouch(base + ["--result", "exceptions", "--exception", "Two leavers"], in: folder.url)
        #expect(unpaired.status == 2 && unpaired.stderr.contains("--remediation"), "\(unpaired.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("runs/AC-01/2025-Q3.md").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("runs/AC-01/2025-Q3/dump.bin").path))
    }

    @Test func recordWithExceptionsIsLintedAsDocumented() throws {
        let folder = try Self.program(without: ["runs/AC-01/2025-Q3.md"])
        let written = try TestSupport.vouch(["runs", "record", "AC-01", "--occurrence", "2025-Q3", "--performed", "2025-10-20",
                                             "--performed-by", "Aiko Tanaka <aiko.tanaka@example.com>", "--reviewed-by", "Dana Reyes <dana.reyes@example.com>",
                                             "--result", "exceptions", "--exception", "One contractor without MFA", "--remediation", "Enrolled on 2025-10-21"], in: folder.url)
        #expect(written.status == 0, "\(written.stderr)")
        let runs = try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "AC-01", "--format", "json"], in: folder.url)
        #expect(Self.status(try Self.occurrences(try Self.object(runs.stdout), control: "AC-01"), "2025-Q3") == "exception")
        let lint = try TestSupport.vouch(["lint", "--as-of", Self.settled], in: folder.url)
        #expect(lint.status == 0 && !lint.stdout.contains("run-exception-undocumented"), "\(lint.stdout)")
    }

    @Test func samplesAreReproducibleAndSizedByFrequency() throws {
        let folder = try Self.program()
        let arguments = ["runs", "sample", "--control", "BC-01", "--seed", "fy2025", "--as-of", Self.settled, "--format", "json"]
        let first = try TestSupport.vouch(arguments, in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try TestSupport.vouch(arguments, in: folder.url).stdout == first.stdout)
        let json = try Self.object(first.stdout)
        let names = try #require((json["occurrences"] as? [[String: Any]])?.compactMap { $0["occurrence"] as? String })
        #expect(json["seed"] as? String == "fy2025" && json["size"] as? Int == names.count && !names.isEmpty)
        #expect(names == names.sorted(), "drawn occurrences are listed in calendar order")
        // The sample is recomputable: the smallest sha256(SEED:CONTROL:OCCURRENCE) of the population.
        let population = try Self.occurrences(try Self.object(try TestSupport.vouch(["runs", "--as-of", Self.settled, "--control", "BC-01", "--format", "json"], in: folder.url).stdout), control: "BC-01")
            .compactMap { $0["occurrence"] as? String }
        #expect(json["population"] as? Int == population.count)
        let ranked = population.sorted { Self.hex("fy2025:BC-01:\($0)") < Self.hex("fy2025:BC-01:\($1)") }
        #expect(Set(names) == Set(ranked.prefix(names.count)))

        let fixed = try TestSupport.vouch(["runs", "sample", "--control", "AC-03", "--size", "3", "--seed", "s", "--as-of", Self.settled, "--format", "json"], in: folder.url)
        #expect(try Self.object(fixed.stdout)["size"] as? Int == 3)
        let auto = try TestSupport.vouch(["runs", "sample", "--control", "AC-03", "--size", "auto", "--as-of", Self.settled, "--format", "json"], in: folder.url)
        #expect(try Self.object(auto.stdout)["size"] as? Int == 2, "quarterly: two by the common table")
        let other = try TestSupport.vouch(["runs", "sample", "--control", "BC-01", "--seed", "fy2026", "--as-of", Self.settled, "--format", "json"], in: folder.url)
        #expect(other.stdout != first.stdout)
    }
}

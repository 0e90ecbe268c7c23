import Foundation
import Testing
import VouchKit

/// The repository's own program is the starter program: it must lint clean, cover what it
/// promises, and be exactly what `vouch init` writes.
@Suite struct StarterProgramTests {
    static func load() throws -> Program {
        try Program.load(from: DirectoryFileSource(root: TestSupport.packageRoot))
    }

    /// The program's one deliberate finding: the late access review of 2025-Q2, kept so every run
    /// status is shown. Anything else is a defect of the program.
    static func unexpected(_ findings: [Finding]) -> [Finding] {
        findings.filter { !($0.rule == "run-late" && $0.file == "runs/AC-03/2025-Q2.md") }
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.file):\($0.line): \($0.message) [\($0.rule)]" }.joined(separator: "\n")
    }

    @Test func lintsWithZeroFindings() throws {
        let report = Linter.lint(try Self.load(), options: LintOptions(today: TestSupport.today))
        #expect(Self.unexpected(report.findings).isEmpty, "\(Self.describe(report.findings))")
        #expect(report.findings.count == 1 && report.summary.errors == 0)
        #expect(!report.configurationFailed)
    }

    /// A year of operation: every implemented periodic control has a record of each occurrence of
    /// the 2025 Type 2 period, one of them late and one with exceptions, artefacts hashed.
    @Test func aYearOfRunsShowsEveryRecordedStatus() throws {
        let program = try Self.load()
        let calendar = RunCalendar(program: program, judgedOn: TestSupport.today)
        #expect(calendar.period == ReportPeriod(start: CalendarDate("2025-01-01")!, end: CalendarDate("2025-12-31")!))
        #expect(calendar.controls.count >= 30)
        #expect(calendar.count(.late) == 1 && calendar.count(.exception) == 1)
        #expect(calendar.count(.missing) == 0 && calendar.count(.due) == 0 && calendar.count(.upcoming) == 0)
        #expect(program.runs.count == 160)
        #expect(program.runArtifacts.count >= 90 && program.runArtifacts.keys.allSatisfy { $0.hasSuffix(".csv") })
        // Planned controls and per-change controls expect no runs.
        #expect(!calendar.controls.contains { ["BC-06", "HR-03", "CM-01"].contains($0.id) })
    }

    @Test func coversEverySecurityAvailabilityAndConfidentialityCriterion() throws {
        let program = try Self.load()
        let matrix = CoverageMatrix.soc2(program)
        let inScope = matrix.rows.filter { ["security", "availability", "confidentiality"].contains($0.category ?? "") }
        #expect(inScope.count == 38)
        #expect(inScope.allSatisfy { $0.status == .covered })
        #expect(matrix.rows.filter { $0.status == .outOfScope }.count == 23)
        #expect(program.controls.count >= 40)
        #expect(program.policies.count == 12)
        #expect((5...8).contains(program.objectives.count))
        #expect(CoverageMatrix.soc1(program).rows.allSatisfy { $0.status == .covered })
        #expect(Set(program.systemSections.map(\.kind.value)) == Set(SystemSectionKind.allCases))
        #expect(program.systemSections.flatMap(\.userEntityControls).count >= 5)
        #expect(!program.systemSections.flatMap(\.subserviceOrganizations).isEmpty)
    }

    @Test func embeddedCopyIsTheRepositoryProgram() throws {
        let onDisk = try TestSupport.repositoryProgram(runs: false)
        let embedded = Dictionary(uniqueKeysWithValues: StarterProgram.files.map { ($0.path, $0.contents) })
        #expect(Set(embedded.keys) == Set(onDisk.keys))
        for (path, contents) in onDisk { #expect(embedded[path] == contents, "\(path) differs from the embedded copy") }
    }

    @Test func initWritesALintCleanProgram() throws {
        let repository = try GitFixture()
        let initialized = try TestSupport.vouch(["init", "--organization", "Acme: \"Widgets\" Ltd"], in: repository.url)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let written = try String(contentsOf: repository.url.appendingPathComponent("vouch.yml"), encoding: .utf8)
        #expect(written.contains("organization: \"Acme: \\\"Widgets\\\" Ltd\""))
        let lint = try TestSupport.vouch(["lint"], in: repository.url)
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("No findings"))
        let program = try Program.load(from: DirectoryFileSource(root: repository.url))
        #expect(program.configuration.organization?.value == "Acme: \"Widgets\" Ltd")
        // A Type 1 program, with a comment on moving to Type 2; no run record is ever written.
        #expect(program.configuration.soc2?.type == 1 && program.configuration.soc1?.type == 1 && program.configuration.runPeriod == nil)
        #expect(written.contains("type: 1   # set 2 to report on operation over the period"))
        #expect(program.runs.isEmpty && !FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("runs").path))
        #expect(!StarterProgram.files.contains { $0.path.hasPrefix("runs/") })
        // The registers' templates are copied; acknowledgements are people's own notes, never written by init.
        #expect(!program.vendors.isEmpty && !program.risks.isEmpty && program.people?.isEmpty == false)
        #expect(try repository.run(["for-each-ref", "refs/notes/"]).isEmpty)
    }

    /// Every judgement by date (reviews, vendor reports and bridge letters, acknowledgements, runs)
    /// gives the same answer on any day the suite can run: the Type 2 period (2025) is over and the
    /// last run was due on 2026-03-01, so from 2026-03-02 on the judging date changes nothing.
    @Test(arguments: ["2026-03-02", "2026-04-15", "2026-09-30", "2026-12-31", "2027-03-31", "2031-01-01"])
    func lintsCleanOnAnyJudgingDate(_ day: String) throws {
        let report = Linter.lint(try Self.load(), options: LintOptions(today: try #require(CalendarDate(day))))
        #expect(Self.unexpected(report.findings).isEmpty && report.findings.count == 1, "\(day): \(Self.describe(report.findings))")
    }

    @Test func theRegistersLintCleanThroughTheBinaryOnSeveralDates() throws {
        let folder = try TemporaryDirectory()
        try TestSupport.write(try TestSupport.repositoryProgram(runs: true), to: folder.url)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("people/people.csv").path))
        for day in ["2026-03-02", "2026-11-23", "2028-07-01"] {
            let lint = try TestSupport.vouch(["lint", "--as-of", day], in: folder.url)
            #expect(lint.status == 0 && lint.stdout.contains("0 errors, 1 warning"), "\(day): \(lint.stdout)")
        }
    }

    @Test func initFromASubfolderWritesAtTheRepositoryRoot() throws {
        let repository = try GitFixture()
        let folder = repository.url.appendingPathComponent("docs/deep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try TestSupport.vouch(["init"], in: folder)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("vouch.yml").path))
        // Every command finds the program upwards from the current folder.
        #expect(try TestSupport.vouch(["lint"], in: folder).status == 0)
    }

    @Test func initRefusesToOverwriteAndWritesNothing() throws {
        let repository = try GitFixture()
        try repository.write(["controls/cm-01-change-review.md": "mine\n"])
        let result = try TestSupport.vouch(["init"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("controls/cm-01-change-review.md"))
        #expect(!FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("vouch.yml").path))
        #expect(try String(contentsOf: repository.url.appendingPathComponent("controls/cm-01-change-review.md"), encoding: .utf8) == "mine\n")
    }

    @Test func initWithNarrowerCategoriesStillPasses() throws {
        let repository = try GitFixture()
        #expect(try TestSupport.vouch(["init", "--categories", "security"], in: repository.url).status == 0)
        let lint = try TestSupport.vouch(["lint", "--format", "json"], in: repository.url)
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("\"errors\": 0"))
        #expect(lint.stdout.contains("\"warnings\": 0"))
        #expect(lint.stdout.contains("criterion-out-of-scope"))
    }

    @Test func initWithAnUncoveredCategoryWarnsAndLintShowsTheGaps() throws {
        let repository = try GitFixture()
        let result = try TestSupport.vouch(["init", "--categories", "security", "privacy"], in: repository.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("privacy"))
        let lint = try TestSupport.vouch(["lint"], in: repository.url)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("P8.1"))
    }
}

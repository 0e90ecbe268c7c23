import Foundation
import Testing
import VouchKit

/// The repository's own program is the starter program: it must lint clean, cover what it
/// promises, and be exactly what `vouch init` writes.
@Suite struct StarterProgramTests {
    static func load() throws -> Program {
        try Program.load(from: DirectoryFileSource(root: TestSupport.packageRoot))
    }

    @Test func lintsWithZeroFindings() throws {
        let report = Linter.lint(try Self.load(), options: LintOptions(today: TestSupport.today))
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.file):\($0.line): \($0.message) [\($0.rule)]" }.joined(separator: "\n"))")
        #expect(!report.configurationFailed)
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
        let onDisk = try TestSupport.starterFiles()
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
        // The registers' templates are copied; acknowledgements are people's own notes, never written by init.
        #expect(!program.vendors.isEmpty && !program.risks.isEmpty && program.people?.isEmpty == false)
        #expect(try repository.run(["for-each-ref", "refs/notes/"]).isEmpty)
    }

    /// Every judgement by date (reviews, vendor reports and bridge letters, acknowledgements) gives
    /// the same clean answer before, during and long after the report period.
    @Test(arguments: ["2025-06-30", "2026-01-01", "2026-04-15", "2026-09-30", "2026-12-31", "2027-03-31", "2031-01-01"])
    func lintsCleanOnAnyJudgingDate(_ day: String) throws {
        let report = Linter.lint(try Self.load(), options: LintOptions(today: try #require(CalendarDate(day))))
        #expect(report.findings.isEmpty, "\(day): \(report.findings.map { "\($0.file):\($0.line): \($0.message) [\($0.rule)]" }.joined(separator: "\n"))")
    }

    @Test func theRegistersLintCleanThroughTheBinaryOnSeveralDates() throws {
        let folder = try TemporaryDirectory()
        try TestSupport.write(try TestSupport.starterFiles(), to: folder.url)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("people/people.csv").path))
        for day in ["2026-02-01", "2026-11-23", "2028-07-01"] {
            let lint = try TestSupport.vouch(["lint", "--as-of", day], in: folder.url)
            #expect(lint.status == 0 && lint.stdout.contains("No findings"), "\(day): \(lint.stdout)")
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

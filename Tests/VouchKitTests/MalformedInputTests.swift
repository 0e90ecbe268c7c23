import Foundation
import Testing
import VouchKit

/// Bad input gets a precise finding, never a crash, and never stops the other files being checked.
@Suite struct MalformedInputTests {
    static let goodControl = "---\nid: CM-09\ntitle: Good\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nevidence: [Tickets]\n---\nText.\n"

    static func lint(_ files: [String: String]) throws -> LintReport {
        var all = files
        if all[Configuration.fileName] == nil { all[Configuration.fileName] = RuleExample.defaultConfiguration }
        all["controls/good.md"] = goodControl
        return try Linter.lint(MemoryFileSource(all), options: LintOptions(today: TestSupport.today))
    }

    static func lint(bytes: [UInt8], at path: String) throws -> LintReport {
        let directory = try TemporaryDirectory()
        try TestSupport.write([Configuration.fileName: RuleExample.defaultConfiguration, "controls/good.md": goodControl], to: directory.url)
        try Data(bytes).write(to: directory.url.appendingPathComponent(path))
        return try Linter.lint(DirectoryFileSource(root: directory.url), options: LintOptions(today: TestSupport.today))
    }

    static func findings(_ report: LintReport, in file: String) -> [Finding] { report.findings.filter { $0.file == file } }

    /// The good control was read and checked despite its broken neighbour.
    static func expectGoodControlChecked(_ report: LintReport) {
        #expect(report.filesChecked >= 3)
        #expect(findings(report, in: "controls/good.md").isEmpty)
    }

    @Test func invalidUTF8() throws {
        let report = try Self.lint(bytes: Array("---\nid: CM-01\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8), at: "controls/bad.md")
        let found = Self.findings(report, in: "controls/bad.md")
        #expect(found.map(\.rule) == ["file-encoding"])
        #expect(found.first?.line == 3 && found.first?.column == 11)
        Self.expectGoodControlChecked(report)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = "---\r\nid: CM-01\r\ntitle: Windows\r\nstatus: implemented\r\nowner: Ops\r\ncriteria: [CC9.9]\r\nevidence: [Tickets]\r\n---\r\nText.\r\n"
        let report = try Self.lint(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), at: "controls/bad.md")
        let found = Self.findings(report, in: "controls/bad.md")
        #expect(found.map(\.rule) == ["criterion-unknown"])
        #expect(found.first?.line == 6 && found.first?.column == 12)
    }

    @Test func emptyAndBlankFiles() throws {
        let report = try Self.lint(["controls/empty.md": "", "policies/blank.md": "\n  \n"])
        #expect(Self.findings(report, in: "controls/empty.md").map(\.rule) == ["front-matter-missing"])
        #expect(Self.findings(report, in: "policies/blank.md").map(\.rule) == ["front-matter-missing"])
        Self.expectGoodControlChecked(report)
    }

    @Test func oversizedFileIsRefusedUnread() throws {
        let report = try Self.lint(bytes: Array(repeating: UInt8(ascii: "a"), count: SourceText.maximumSize + 1), at: "controls/huge.md")
        #expect(Self.findings(report, in: "controls/huge.md").map(\.rule) == ["file-too-large"])
        Self.expectGoodControlChecked(report)
    }

    @Test func binaryContent() throws {
        let report = try Self.lint(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], at: "controls/image.md")
        #expect(Self.findings(report, in: "controls/image.md").map(\.rule) == ["file-encoding"])
        Self.expectGoodControlChecked(report)
    }

    @Test func symbolicLinkOutsideTheRepositoryIsRefused() throws {
        let outside = try TemporaryDirectory()
        try Data("---\nid: CM-02\n---\nsecret\n".utf8).write(to: outside.url.appendingPathComponent("secret.md"))
        let directory = try TemporaryDirectory()
        try TestSupport.write([Configuration.fileName: RuleExample.defaultConfiguration, "controls/good.md": Self.goodControl], to: directory.url)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("controls/linked.md").path, withDestinationPath: outside.url.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("policies").path, withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("controls/inside.md").path, withDestinationPath: "good.md")
        let report = try Linter.lint(DirectoryFileSource(root: directory.url), options: LintOptions(today: TestSupport.today))
        #expect(Self.findings(report, in: "controls/linked.md").map(\.rule) == ["file-symlink"])
        #expect(Self.findings(report, in: "policies").map(\.rule) == ["file-symlink"])
        // A link that stays inside is followed (here it duplicates the good control's id).
        #expect(Self.findings(report, in: "controls/inside.md").map(\.rule) == ["id-duplicate"])
    }

    /// Subfolders are listed and read by other threads than the top of each program folder: the
    /// same files, and the same refusals, at every depth.
    @Test func nestedFoldersAreReadAndTheirLinksJudged() throws {
        let outside = try TemporaryDirectory()
        let directory = try TemporaryDirectory()
        var files = [Configuration.fileName: RuleExample.defaultConfiguration, "controls/good.md": Self.goodControl]
        for depth in 1...5 {
            let folder = (1...depth).map { "level\($0)" }.joined(separator: "/")
            files["controls/\(folder)/cm-\(depth).md"] = Self.goodControl.replacingOccurrences(of: "CM-09", with: "CM-1\(depth)")
        }
        files["controls/level1/.hidden/cm-99.md"] = Self.goodControl.replacingOccurrences(of: "CM-09", with: "CM-99")
        try TestSupport.write(files, to: directory.url)
        let level2 = directory.url.appendingPathComponent("controls/level1/level2")
        try FileManager.default.createSymbolicLink(atPath: level2.appendingPathComponent("gone.md").path, withDestinationPath: "missing.md")
        try FileManager.default.createSymbolicLink(atPath: level2.appendingPathComponent("elsewhere").path, withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(atPath: level2.appendingPathComponent("again").path, withDestinationPath: "level3")

        let read = try DirectoryFileSource(root: directory.url).programFiles()
        #expect(read.map(\.path) == read.map(\.path).sorted())
        let documents = read.filter { $0.bytes != nil }.map(\.path)
        #expect(documents == [
            "controls/good.md",
            "controls/level1/cm-1.md",
            "controls/level1/level2/again/cm-3.md",
            "controls/level1/level2/again/level4/cm-4.md",
            "controls/level1/level2/again/level4/level5/cm-5.md",
            "controls/level1/level2/cm-2.md",
            "controls/level1/level2/level3/cm-3.md",
            "controls/level1/level2/level3/level4/cm-4.md",
            "controls/level1/level2/level3/level4/level5/cm-5.md",
            "vouch.yml",
        ])
        let report = try Linter.lint(DirectoryFileSource(root: directory.url), options: LintOptions(today: TestSupport.today))
        #expect(Self.findings(report, in: "controls/level1/level2/gone.md").map(\.rule) == ["file-symlink"])
        #expect(Self.findings(report, in: "controls/level1/level2/elsewhere").map(\.rule) == ["file-symlink"])
        // The link that stays inside is followed: its three controls repeat those of level3.
        #expect(report.findings.filter { $0.rule == "id-duplicate" }.count == 3)
        #expect(report.findings.filter { $0.file.hasPrefix("controls/level1/level2/level3/") || $0.file.hasPrefix("controls/level1/level2/again/") }.allSatisfy { $0.rule == "id-duplicate" })
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var yaml = "---\nid: CM-01\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "---\nText.\n"
        let report = try Self.lint(["controls/bomb.md": yaml])
        let found = Self.findings(report, in: "controls/bomb.md")
        #expect(found.map(\.rule) == ["yaml-alias"])
        #expect(found.first?.line == 3)
        Self.expectGoodControlChecked(report)
    }

    @Test func aliasesInFlowMappingsAndKeysAreRefused() throws {
        let report = try Self.lint([
            "controls/a.md": "---\nid: &x CM-01\n---\nText.\n",
            "controls/b.md": "---\n{id: CM-02, title: *x}\n---\nText.\n",
        ])
        #expect(Self.findings(report, in: "controls/a.md").map(\.rule) == ["yaml-alias"])
        #expect(Self.findings(report, in: "controls/b.md").map(\.rule).contains("yaml-alias"))
    }

    @Test func starsAndAmpersandsInTextAreFine() throws {
        let report = try Self.lint(["controls/a.md": "---\nid: CM-01\ntitle: Backups & *restores*\nstatus: implemented\nowner: R&D\ncriteria: [A1.2]\nevidence:\n  - \"*nightly* job\"\n---\n* bullet\n"])
        #expect(Self.findings(report, in: "controls/a.md").allSatisfy { $0.rule != "yaml-alias" && $0.rule != "yaml-syntax" })
    }

    @Test func tabsInIndentation() throws {
        let report = try Self.lint(["controls/a.md": "---\nid: CM-01\nevidence:\n\t- x\n---\nText.\n"])
        let found = Self.findings(report, in: "controls/a.md")
        #expect(found.map(\.rule) == ["yaml-tab"])
        #expect(found.first?.line == 4 && found.first?.column == 1)
    }

    @Test func frontMatterThatIsAListOrScalar() throws {
        let report = try Self.lint(["controls/a.md": "---\n- id\n---\nx\n", "controls/b.md": "---\njust text\n---\nx\n"])
        #expect(Self.findings(report, in: "controls/a.md").map(\.rule) == ["front-matter-not-mapping"])
        #expect(Self.findings(report, in: "controls/b.md").map(\.rule) == ["front-matter-not-mapping"])
    }

    @Test func unterminatedFrontMatter() throws {
        let report = try Self.lint(["controls/a.md": "---\nid: CM-01\ntitle: x\n"])
        #expect(Self.findings(report, in: "controls/a.md").map(\.rule) == ["front-matter-unterminated"])
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() throws {
        let report = try Self.lint(["controls/a.md": "---\nid: CM-01\nowner: A\ntitle: x\nowner: B\n---\nx\n"])
        let found = Self.findings(report, in: "controls/a.md")
        #expect(found.map(\.rule) == ["yaml-duplicate-key"])
        #expect(found.first?.line == 5)
    }

    @Test func unreadableConfigurationStillChecksTheOtherFiles() throws {
        let report = try Self.lint([Configuration.fileName: "organization: [unclosed\n", "controls/bad.md": "---\nid: CM-01\nstatus: nope\n---\nx\n"])
        #expect(report.configurationFailed)
        #expect(Self.findings(report, in: Configuration.fileName).map(\.rule) == ["yaml-syntax"])
        #expect(Self.findings(report, in: "controls/bad.md").contains { $0.rule == "field-value" })
    }

    @Test func configurationSchemaErrorsArePrecise() throws {
        let report = try Self.lint([Configuration.fileName: """
            organization: Example
            system: Example
            reports:
              soc2:
                type: 3
                period: { start: 2026-12-31, end: 2026-01-01 }
                categories: [security, privacy, avail]
              sox: {}
            change_management:
              required_approvals: many
              brnach: main
            """])
        let found = Self.findings(report, in: Configuration.fileName)
        let positions = found.map { "\($0.rule)@\($0.line):\($0.column)" }
        #expect(positions.contains("field-value@5:11"))
        #expect(positions.contains("field-value@6:39"))
        #expect(positions.contains("field-value@7:37"))
        #expect(positions.contains("field-unknown@8:3"))
        #expect(positions.contains("field-type@10:23"))
        #expect(positions.contains("field-unknown@11:3"))
        #expect(found.first { $0.line == 11 }?.message.contains("'branch'") == true)
    }
}

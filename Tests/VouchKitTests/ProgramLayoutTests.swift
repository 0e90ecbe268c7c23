import Testing
import VouchKit

/// Which paths are program files, and as what: every source (the work tree, the index, a commit)
/// asks `ProgramLayout` for each file it lists.
@Suite struct ProgramLayoutTests {
    static let roles: [(String, ProgramLayout.Role?)] = [
        ("vouch.yml", .configuration),
        ("people/people.csv", .people),
        ("people/other.csv", nil),
        ("controls/ac-01.md", .control),
        ("controls/access/ac-01.MD", .control),
        ("controls//ac-01.md", .control),
        ("controls/README.md", nil),
        ("controls/readme.MD", nil),
        ("controls/_draft.md", nil),
        ("controls/.hidden.md", nil),
        ("controls/ac-01.txt", nil),
        ("controls/md", nil),
        ("controls", nil),
        ("policies/access.md", .policy),
        ("objectives/co-1.md", .objective),
        ("system/services.md", .systemSection),
        ("vendors/acme.md", .vendor),
        ("vendors/more/acme.md", nil),
        ("vendors/reports/acme-2026.pdf", .vendorReport),
        ("vendors/reports/.keep", nil),
        ("risks/r-1.md", .risk),
        ("risks/deep/r-1.md", nil),
        ("frameworks/ISO.yml", .framework(key: "iso")),
        ("frameworks/hipaa.yaml", .framework(key: "hipaa")),
        ("frameworks/hipaa.json", nil),
        ("frameworks/deep/hipaa.yml", nil),
        ("runs/AC-03/2026-Q1.md", .run),
        ("runs/AC-03/2026-Q1.MD", .runArtifact),
        ("runs/AC-03/README.md", .runArtifact),
        ("runs/AC-03/2026-Q1/console-users.csv", .runArtifact),
        ("runs/AC-03/2026-Q1/notes.md", .runArtifact),
        ("runs/AC-03/.gitkeep", nil),
        ("runs/2026-Q1.md", nil),
        ("docs/guide.md", nil),
        ("contrôles/ac-01.md", nil),
        ("controls/contrôle-01.md", .control),
    ]

    @Test(arguments: roles) func rolesOfPaths(path: String, role: ProgramLayout.Role?) {
        #expect(ProgramLayout.role(of: path) == role, "\(path)")
    }

    @Test func sizeLimitsFollowTheRole() {
        #expect(ProgramLayout.maximumSize(of: "people/people.csv") > ProgramLayout.maximumSize(of: "controls/ac-01.md"))
        #expect(ProgramLayout.maximumSize(of: "runs/AC-03/2026-Q1/log.txt") == RunArtifact.maximumSize)
        #expect(ProgramLayout.maximumSize(of: ProgramLayout.role(of: "vendors/reports/a.pdf")) == ProgramLayout.maximumSize(of: "vendors/reports/a.pdf"))
    }
}

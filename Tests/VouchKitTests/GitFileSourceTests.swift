import Foundation
import Testing
import VouchKit

/// Programs read from a commit or from the index, never from the work tree.
@Suite struct GitFileSourceTests {
    static let control = "---\nid: CM-01\ntitle: Reviewed changes\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nevidence: [PRs]\n---\nText.\n"

    @Test func readsTheCommitNotTheWorkTree() throws {
        let repository = try GitFixture()
        let first = try repository.commit("Add program", files: [
            "compliance/vouch.yml": RuleExample.defaultConfiguration,
            "compliance/controls/cm-01.md": Self.control,
            "compliance/controls/link.md": "",
            "README.md": "not part of the program\n",
        ])
        try repository.write(["compliance/controls/cm-01.md": "edited in the work tree\n"])
        let opened = try Repository.open(at: repository.url.path)
        let source = GitFileSource(repository: opened, snapshot: .commit(try #require(ObjectID(hex: first))), programPath: "compliance")
        let files = try source.programFiles()
        #expect(files.map(\.path) == ["controls/cm-01.md", "controls/link.md", "vouch.yml"])
        let program = try Program.load(from: source)
        #expect(program.controls.first { $0.file == "controls/cm-01.md" }?.title?.value == "Reviewed changes")
    }

    @Test func readsTheIndexAndFollowsLinksOnlyInside() throws {
        let repository = try GitFixture()
        try repository.commit("Add program", files: [Configuration.fileName: RuleExample.defaultConfiguration, "controls/cm-01.md": Self.control])
        try FileManager.default.createSymbolicLink(atPath: repository.url.appendingPathComponent("controls/inside.md").path, withDestinationPath: "cm-01.md")
        try FileManager.default.createSymbolicLink(atPath: repository.url.appendingPathComponent("controls/outside.md").path, withDestinationPath: "../../etc/passwd")
        try repository.write(["controls/staged.md": "---\nid: CM-02\n---\n", "controls/unstaged.md": "---\nid: CM-03\n---\n"])
        try repository.run(["add", "controls/inside.md", "controls/outside.md", "controls/staged.md"])
        let opened = try Repository.open(at: repository.url.path)
        let files = try GitFileSource(repository: opened, snapshot: .index(environment: [:])).programFiles()
        #expect(files.map(\.path) == ["controls/cm-01.md", "controls/inside.md", "controls/outside.md", "controls/staged.md", "vouch.yml"])
        let inside = try #require(files.first { $0.path == "controls/inside.md" })
        #expect(inside.bytes.map { String(decoding: $0, as: UTF8.self) } == Self.control)
        let outside = try #require(files.first { $0.path == "controls/outside.md" })
        guard case .refused = outside.contents else {
            Issue.record("a link leaving the repository is refused, not read: \(outside.contents)")
            return
        }
    }
}

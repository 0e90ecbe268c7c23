import Foundation
import Testing
import VouchKit

@Suite struct NoteIndexTests {
    /// Notes are listed as `git notes list` lists them, in a flat notes tree and under fan-out
    /// folders; files whose path spells no object id are not notes.
    @Test func listsNotesLikeGit() throws {
        let git = try GitFixture()
        var commits: [String] = []
        for number in 0..<3 { commits.append(try git.commit("c\(number)\n", files: ["f\(number)": "\(number)"])) }
        for (number, commit) in commits.enumerated() { try git.run(["notes", "--ref", "vouch", "add", "-m", "Approved-by: N\(number) <n@example.com>", commit]) }
        let repository = try #require(try Repository.discover(from: git.url.path))
        func listed() throws -> [String: String] {
            let lines = try git.run(["notes", "--ref", "vouch", "list"]).split(separator: "\n")
            return Dictionary(uniqueKeysWithValues: lines.map { line in
                let parts = line.split(separator: " ")
                return (String(parts[1]), String(parts[0]))
            })
        }
        func indexed() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try repository.noteIndex("refs/notes/vouch", at: repository.referenceTarget("refs/notes/vouch")).blobs.map { ($0.key.description, $0.value.description) })
        }
        #expect(try indexed() == listed())

        // The same notes under a two-digit fan-out, with a file that is no note beside them.
        let notesTree = try git.run(["rev-parse", "refs/notes/vouch^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var folders: [String: [String]] = [:]
        for line in try git.run(["ls-tree", notesTree]).split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            folders[String(fields[3].prefix(2)), default: []].append("\(fields[0]) blob \(fields[2])\t\(fields[3].dropFirst(2))")
        }
        var root = try folders.map { prefix, entries in
            "040000 tree \(try git.run(["mktree"], input: entries.joined(separator: "\n") + "\n").trimmingCharacters(in: .whitespacesAndNewlines))\t\(prefix)"
        }
        let readme = try git.run(["hash-object", "-w", "--stdin"], input: "not a note\n").trimmingCharacters(in: .whitespacesAndNewlines)
        root.append("100644 blob \(readme)\tREADME")
        let fannedOut = try git.run(["mktree"], input: root.joined(separator: "\n") + "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let notesCommit = try git.run(["commit-tree", fannedOut, "-p", "refs/notes/vouch", "-m", "fan out"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try git.run(["update-ref", "refs/notes/vouch", notesCommit])
        #expect(try indexed() == listed())
        #expect(try indexed().count == 3)
    }
}

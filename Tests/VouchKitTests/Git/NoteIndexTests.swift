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

    /// Many notes written at once land as one pack that git reads (nothing loose, `git fsck`
    /// clean); a few land as loose objects, as git writes them.
    /// Either way the reference moves only from the tip it was read at.
    @Test func manyNotesAreWrittenAsOnePack() throws {
        let git = try GitFixture()
        var commits: [ObjectID] = []
        for number in 0..<150 { commits.append(try #require(ObjectID(hex: try git.commit("c\(number)\n", files: ["f": "\(number)"])))) }
        let repository = try #require(try Repository.discover(from: git.url.path))
        let identity = Identity(name: "Vouch Test", email: "vouch@example.com")
        let looseBefore = try git.run(["count-objects", "-v"]).split(separator: "\n").first { $0.hasPrefix("count: ") }
        let first = try #require(try repository.writeNotes("refs/notes/vouch", Dictionary(uniqueKeysWithValues: commits.map { ($0, "Approved-by: A <a@example.com>\nNote: \($0)\n") }),
                                                       expectedTip: nil, message: "import", by: identity))
        #expect(try git.run(["count-objects", "-v"]).split(separator: "\n").first { $0.hasPrefix("count: ") } == looseBefore)
        #expect(try git.run(["rev-parse", "refs/notes/vouch"]).trimmingCharacters(in: .whitespacesAndNewlines) == first.description)
        #expect(try git.run(["notes", "--ref", "vouch", "list"]).split(separator: "\n").count == 150)
        #expect(try git.run(["notes", "--ref", "vouch", "show", commits[42].description]) == "Approved-by: A <a@example.com>\nNote: \(commits[42])\n")
        _ = try git.run(["fsck", "--strict"])
        // The same texts again: nothing to write.
        #expect(try repository.writeNotes("refs/notes/vouch", [commits[0]: "Approved-by: A <a@example.com>\nNote: \(commits[0])\n"], expectedTip: first, message: "again", by: identity) == nil)
        // Not from the tip read: refused, the reference stays.
        #expect(throws: GitError.self) {
            try repository.writeNotes("refs/notes/vouch", Dictionary(uniqueKeysWithValues: commits.map { ($0, "changed\n") }), expectedTip: nil, message: "stale", by: identity)
        }
        #expect(try git.run(["rev-parse", "refs/notes/vouch"]).trimmingCharacters(in: .whitespacesAndNewlines) == first.description)
        // A few notes on top: loose objects, the older notes kept.
        let second = try #require(try repository.writeNotes("refs/notes/vouch", [commits[1]: "one more\n"], expectedTip: first, message: "one", by: identity))
        #expect(try git.run(["rev-parse", "refs/notes/vouch^"]).trimmingCharacters(in: .whitespacesAndNewlines) == first.description)
        #expect(try git.run(["rev-parse", "refs/notes/vouch"]).trimmingCharacters(in: .whitespacesAndNewlines) == second.description)
        #expect(try git.run(["count-objects", "-v"]).split(separator: "\n").first { $0.hasPrefix("count: ") } != looseBefore)
        #expect(try git.run(["notes", "--ref", "vouch", "show", commits[1].description]) == "one more\n")
        #expect(try git.run(["notes", "--ref", "vouch", "list"]).split(separator: "\n").count == 150)
        _ = try git.run(["fsck", "--strict"])
    }
}

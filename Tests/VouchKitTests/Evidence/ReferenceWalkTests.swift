import Foundation
import Testing

/// `vouch evidence --jobs 1` reads and judges the whole history on one thread: the parallel walk
/// must print the same bytes, digest included, whatever the number of judging threads.
@Suite struct ReferenceWalkTests {
    /// A long generated history on top of the fixture's root commit: direct changes, changes with
    /// trailers, `--no-ff` merges of topic branches, people under old addresses that the
    /// `.mailmap` maps, and approval notes on refs/notes/vouch written over several notes commits
    /// (some notes rewritten, so their history is replayed).
    private static func generateHistory(_ count: Int, into fixture: EvidenceFixture) throws {
        let people = ["Bob Builder <bob@example.com>", "Carol Checker <carol@example.com>", "Dana Reyes <dana@example.com>", "Alice Example <alice@old.example.org>"]
        let folders = ["src/a", "src/b", "docs", "tools"]
        var stream = ""
        var mark = 0
        var noted: [Int] = []
        func data(_ text: String) { stream += "data \(text.utf8.count)\n\(text)\n" }
        func commit(_ ref: String, _ message: String, person: String, time: Int, parents: [String], file: String) -> Int {
            mark += 1
            stream += "commit \(ref)\nmark :\(mark)\n"
            stream += "author \(person) \(time) +0000\ncommitter \(person) \(time) +0000\n"
            data(message)
            if let first = parents.first { stream += "from \(first)\n" }
            for merged in parents.dropFirst() { stream += "merge \(merged)\n" }
            stream += "M 100644 inline \(file)\n"
            data("// \(message.prefix(20)) \(mark)\n")
            return mark
        }
        var main = try fixture.head()
        var notesParent: String?
        for index in 0..<count {
            let time = 1_772_359_200 + index * 60 // 2026-03-01T10:00:00Z onwards
            let person = people[index % people.count]
            let file = "\(folders[index % folders.count])/f\(index % 37).swift"
            let made: Int
            switch index % 5 {
            case 0:
                let topic = commit("refs/heads/topic\(index)", "Topic work \(index)\n", person: people[(index + 1) % people.count], time: time - 30, parents: [main], file: "\(folders[(index + 1) % folders.count])/t\(index % 11).swift")
                made = commit("refs/heads/main", "Merge pull request #\(index) from example/topic\(index)\n\nTopic \(index)\n", person: "GitHub <noreply@github.com>", time: time, parents: [main, ":\(topic)"], file: "\(folders[index % folders.count])/m\(index % 13).swift")
            case 1: made = commit("refs/heads/main", "Fix \(index)\n\nReviewed-by: Carol Checker <carol@example.com>\n", person: person, time: time, parents: [main], file: file)
            case 2: made = commit("refs/heads/main", "Feature \(index) (#\(index))\n\nCo-authored-by: Dana Reyes <dana@example.com>\n", person: person, time: time, parents: [main], file: file)
            default: made = commit("refs/heads/main", "Direct change \(index)\n", person: person, time: time, parents: [main], file: file)
            }
            if index == 0 {
                // The people under old addresses, mapped from the first change on.
                mark += 1
                stream += "commit refs/heads/main\nmark :\(mark)\nauthor Alice Example <alice@example.com> \(time + 1) +0000\ncommitter Alice Example <alice@example.com> \(time + 1) +0000\n"
                data("Add mailmap\n")
                stream += "from :\(made)\nM 100644 inline .mailmap\n"
                data("Alice Example <alice@example.com> <alice@old.example.org>\n")
                main = ":\(mark)"
            } else {
                main = ":\(made)"
            }
            if index % 7 == 3 { noted.append(made) }
            if index % 50 == 49 {
                // One notes commit for the approvals of the last fifty changes; every third one
                // rewrites an older note, adding a second approval.
                mark += 1
                stream += "commit refs/notes/vouch\nmark :\(mark)\ncommitter Carol Checker <carol@example.com> \(time + 30) +0000\n"
                data("Notes added by 'git notes add'\n")
                if let notesParent { stream += "from \(notesParent)\n" }
                for object in noted.suffix(8) {
                    stream += "N inline :\(object)\n"
                    data(object % 3 == 0 ? "Approved-by: Carol Checker <carol@example.com>\nTested-by: Dana Reyes <dana@example.com>\n" : "Approved-by: Carol Checker <carol@example.com>\n")
                }
                notesParent = ":\(mark)"
            }
        }
        try fixture.run(["fast-import", "--quiet", "--force"], input: stream)
        try fixture.run(["reset", "-q", "--hard", "main"])
    }

    static let scopes = ["  branch: main\n", "  branch: main\n  paths: [\"src/a/**\", \"docs/**\", \".mailmap\"]\n"]
    static let invocations: [[String]] = [[], ["--list-paths"], ["--format", "json"], ["--format", "json", "--list-paths"], ["--format", "csv"]]

    @Test(.hangLimit(minutes: 5), arguments: scopes)
    func theParallelWalkPrintsTheReferenceWalksBytes(changeManagement: String) throws {
        let fixture = try EvidenceFixture(changeManagement: changeManagement)
        try Self.generateHistory(3_000, into: fixture)
        for arguments in Self.invocations {
            let reference = try fixture.vouch(["evidence", "--jobs", "1"] + arguments)
            #expect(reference.stderr.isEmpty, "\(arguments): \(reference.stderr)")
            #expect(reference.status == 1, "\(arguments): the generated history has exceptions")
            #expect(reference.stdout.utf8.count > 100_000, "\(arguments): \(reference.stdout.prefix(300))")
            for jobs in [[], ["--jobs", "2"], ["--jobs", "5"]] {
                let parallel = try fixture.vouch(["evidence"] + jobs + arguments)
                #expect(parallel.status == reference.status, "\(jobs + arguments)")
                #expect(parallel.stdout == reference.stdout, "\(jobs + arguments): the output differs from --jobs 1's")
            }
        }
        let json = try parseJSON(try fixture.vouch(["evidence", "--jobs", "1", "--format", "json"]).stdout)
        let metadata = try #require(json["metadata"] as? [String: Any])
        #expect((metadata["population"] as? Int ?? 0) > 1_000)
        #expect((metadata["digest"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test func jobsMustBePositive() throws {
        let fixture = try EvidenceFixture()
        let result = try fixture.vouch(["evidence", "--jobs", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs"))
    }
}

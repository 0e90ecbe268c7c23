import Foundation
import Testing
import VouchKit

/// People of the fixture histories.
enum People {
    static let alice = (name: "Alice Example", email: "alice@example.com")
    static let bob = (name: "Bob Builder", email: "bob@example.com")
    static let carol = (name: "Carol Checker", email: "carol@example.com")
    static let dana = (name: "Dana Reyes", email: "dana@example.com")
    static let github = (name: "GitHub", email: "noreply@github.com")
}

/// A fixture repository with a Vouch program and helpers for the ways changes land.
struct EvidenceFixture {
    let git: GitFixture
    var url: URL { git.url }

    static func configuration(_ changeManagement: String = "  branch: main\n") -> String {
        RuleExample.defaultConfiguration + "\nchange_management:\n" + changeManagement
    }

    init(changeManagement: String = "  branch: main\n", rootDate: String = "2026-01-05T09:00:00+00:00") throws {
        git = try GitFixture()
        try git.commit("Start the program\n", files: ["vouch.yml": Self.configuration(changeManagement), "src/app.swift": "// app\n"], author: People.alice, date: rootDate)
    }

    static func environment(author: (name: String, email: String), committer: (name: String, email: String)? = nil, date: String) -> [String: String] {
        let committer = committer ?? author
        return ["GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email, "GIT_COMMITTER_DATE": date]
    }

    @discardableResult
    func run(_ arguments: [String], as person: (name: String, email: String) = People.alice, date: String = "2026-03-01T10:00:00+00:00", input: String? = nil) throws -> String {
        try git.run(arguments, environment: Self.environment(author: person, date: date), input: input).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func head() throws -> String { try run(["rev-parse", "HEAD"]) }

    /// A topic branch with one commit by `author`, merged into main with `--no-ff` by `merger`.
    @discardableResult
    func merge(_ message: String, topic: String, file: String, author: (name: String, email: String), merger: (name: String, email: String) = People.github, date: String) throws -> String {
        try run(["checkout", "-q", "-b", topic])
        try git.commit("Work on \(topic)\n", files: [file: "// \(topic)\n"], author: author, date: date)
        try run(["checkout", "-q", "main"])
        try run(["merge", "-q", "--no-ff", "--no-edit", "-m", message, topic], as: merger, date: date)
        return try head()
    }

    /// A note on `refs/notes/REF`, written by `person` at `date`.
    func note(_ text: String, on commit: String, ref: String = "vouch", as person: (name: String, email: String) = People.carol, date: String = "2026-03-02T10:00:00+00:00") throws {
        try run(["notes", "--ref", ref, "add", "-f", "-m", text, commit], as: person, date: date)
    }

    /// Rewrites the tip commit with a `gpgsig` header of the given armor, as a signed commit has.
    func signTip(armor: String) throws -> String {
        let raw = try git.run(["cat-file", "commit", "HEAD"])
        let header = "gpgsig -----BEGIN \(armor)-----\n \n abcdefSIGNATURE\n -----END \(armor)-----"
        let parts = raw.components(separatedBy: "\n\n")
        let signed = parts[0] + "\n" + header + "\n\n" + parts.dropFirst().joined(separator: "\n\n")
        let id = try git.run(["hash-object", "-t", "commit", "-w", "--stdin"], input: signed).trimmingCharacters(in: .whitespacesAndNewlines)
        try run(["update-ref", "refs/heads/main", id])
        return id
    }

    func repository() throws -> Repository { try #require(try Repository.discover(from: url.path)) }

    func configuration() throws -> Configuration { try Program.load(from: DirectoryFileSource(root: url)).configuration }

    /// The population through the library, judged on `now`.
    static let now = Timestamp.startOfDay(CalendarDate("2026-11-23")!)

    func population(_ request: EvidenceRequest = EvidenceRequest(now: now)) throws -> ChangePopulation {
        try ChangePopulation.read(repository: repository(), configuration: configuration(), request: request)
    }

    func vouch(_ arguments: [String], as person: (name: String, email: String)? = nil) throws -> TestSupport.ProcessResult {
        if let person {
            try git.run(["config", "user.name", person.name])
            try git.run(["config", "user.email", person.email])
        }
        return try TestSupport.vouch(arguments, in: url)
    }
}

extension ChangePopulation {
    func change(_ commit: String) throws -> ChangeRecord {
        try #require(changes.first { $0.commit.description == commit }, "no change \(commit)")
    }
}

extension ChangeRecord {
    var exceptionIDs: Set<String> { Set(exceptions.map(\.rule.identifier)) }
}

/// Parses the JSON a command printed.
func parseJSON(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

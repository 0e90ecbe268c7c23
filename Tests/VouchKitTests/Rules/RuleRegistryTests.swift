import Foundation
import Testing
import VouchKit

/// The rule model holds together: one file per rule under `Rules/<Kind>/`, each registered once;
/// no finding carries an id the registry does not list; every rule has examples the suite runs;
/// the documentation's rule tables are the registry's.
@Suite struct RuleRegistryTests {
    static let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
    static let rulesFolder = "VouchKit/Rules/"

    /// Every Swift file under Sources/, by path relative to it.
    static func sourceFiles() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let path = String(url.standardizedFileURL.path.dropFirst(sources.standardizedFileURL.path.count + 1))
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static func typeName(of rule: any Rule) -> String { String(describing: type(of: rule)) }

    /// The folder of each kind of rule, and the scopes its descriptions may have (a register
    /// rule that also judges what git holds about the register has scope `registers`).
    static func kind(of rule: any Rule) -> (folder: String, scopes: Set<RuleScope>) {
        switch rule {
        case is any ReadRule: ("Read", [.program])
        case is any PolicyHistoryRule: ("PolicyHistory", [.policyHistory])
        case is any VendorRule: ("Vendor", [.program])
        case is any RiskRule: ("Risk", [.program, .registers])
        case is any PeopleRule: ("People", [.program, .registers])
        case is any RunRule: ("Run", [.program, .registers])
        case is any ProgramRule: ("Program", [.program])
        case is any ChangeRule: ("Change", [.change])
        default: ("?", [.program])
        }
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0)) }
        }
    }

    /// Each kind's list holds exactly the rules of that kind, in the order of `rules`: the lists
    /// are written out by type, and a rule put in the wrong one would never run.
    @Test func eachKindsListHoldsTheRulesOfThatKind() {
        func names(_ rules: [any Rule]) -> [String] { rules.map(Self.typeName) }
        let all = RuleRegistry.rules
        #expect(names(RuleRegistry.readRules) == names(all.filter { $0 is any ReadRule }))
        #expect(names(RuleRegistry.programRules) == names(all.filter { $0 is any ProgramRule }))
        #expect(names(RuleRegistry.policyHistoryRules) == names(all.filter { $0 is any PolicyHistoryRule }))
        #expect(names(RuleRegistry.changeRules) == names(all.filter { $0 is any ChangeRule }))
        #expect(Set(names(all)).count == all.count)
    }

    @Test func everyRuleHasItsOwnFileInItsKindsFolder() throws {
        let files = try Self.sourceFiles()
        var described: [String: String] = [:]  // file -> identifier
        for file in files {
            let identifiers = try Self.matches(#"RuleDescription\(\s*identifier:\s*"([^"]*)""#, in: file.text).map { $0[1] }
            guard !identifiers.isEmpty else { continue }
            #expect(identifiers.count == 1, "\(file.path) describes \(identifiers.count) rules; one file per rule")
            #expect(file.path.hasPrefix(Self.rulesFolder), "\(file.path) describes a rule outside Sources/\(Self.rulesFolder)")
            described[file.path] = identifiers[0]
        }
        #expect(described.count == RuleRegistry.rules.count, "rule files \(described.count), registered rules \(RuleRegistry.rules.count)")
        for rule in RuleRegistry.rules {
            let name = Self.typeName(of: rule)
            let kind = Self.kind(of: rule)
            let path = "\(Self.rulesFolder)\(kind.folder)/\(name).swift"
            #expect(described[path] == rule.description.identifier, "\(rule.description.identifier) (\(name)) belongs in Sources/\(path)")
            #expect(kind.scopes.contains(rule.description.scope), "\(name) is a \(kind.folder) rule but its description says scope \(rule.description.scope)")
            // The file is found from the id: `change-self-approved` is ChangeSelfApprovedRule.
            #expect(name.lowercased() == rule.description.identifier.replacingOccurrences(of: "-", with: "") + "rule", "\(name) should be named after \(rule.description.identifier)")
        }
        #expect(Set(RuleRegistry.rules.map(Self.typeName)).count == RuleRegistry.rules.count, "a rule is registered twice")
    }

    @Test func everyFindingIsMadeFromARegisteredRule() throws {
        // A finding gets its rule id only from a RuleDescription, and descriptions are made only in
        // rule files (checked above), each registered: so no code reports an unregistered id.
        for file in try Self.sourceFiles() {
            let constructed = try Self.matches(#"\bFinding(\.init)?\s*\("#, in: file.text)
            let allowed = file.path == "\(Self.rulesFolder)RuleDescription.swift" ? 1 : 0
            #expect(constructed.count == allowed, "\(file.path) makes a Finding directly; make it with SomeRule.finding(at:_:)")
            if !file.path.hasPrefix(Self.rulesFolder) {
                let literals = try Self.matches(#"\b(identifier|rule):\s*"[^"]*""#, in: file.text).map { $0[0] }
                #expect(literals.isEmpty, "\(file.path) names a rule id as a literal: \(literals)")
            }
        }
    }

    @Test func everyReadRuleIsReportedByAReader() throws {
        let files = try Self.sourceFiles()
        for rule in RuleRegistry.readRules {
            let name = Self.typeName(of: rule)
            let reported = files.contains { file in
                !file.path.hasSuffix("/\(name).swift") && file.text.contains("\(name).finding(")
            }
            #expect(reported, "no reader reports \(rule.description.identifier): nothing calls \(name).finding(at:_:)")
        }
    }

    /// Rules without a failing example, and why none can be written.
    static let withoutFailingExample: [String: String] = [
        // An example is file contents by path; a symbolic link is not contents. The failing case
        // runs in MalformedInputTests.symbolicLinkOutsideTheRepositoryIsRefused, on a real folder.
        "file-symlink": "a symbolic link cannot be written as a RuleExample",
    ]

    /// Rules that document no passing example of their own (adding one would change what
    /// `vouch rules ID` prints). Their passing case is the repository's own program, checked below.
    /// The list may only shrink: a new rule must come with its examples.
    static let withoutPassingExample: Set<String> = [
        "file-symlink", "front-matter-unterminated", "front-matter-not-mapping", "yaml-duplicate-key", "yaml-tab",
        "objective-unknown", "system-section-duplicate",
    ]

    @Test func everyRuleHasExamplesOfItsKind() {
        for rule in RuleRegistry.rules {
            let description = rule.description
            let id = description.identifier
            #expect(description.failingExamples.isEmpty == (Self.withoutFailingExample[id] != nil), "\(id): failing examples \(description.failingExamples.count)")
            #expect(description.passingExamples.isEmpty == Self.withoutPassingExample.contains(id), "\(id): passing examples \(description.passingExamples.count)")
            // The example runners run the examples of a rule's own kind; any other would be skipped.
            for example in description.passingExamples + description.failingExamples {
                let kind: RuleScope
                switch example {
                case .program: kind = .program
                case .change: kind = .change
                case .policyHistory: kind = .policyHistory
                case .registers: kind = .registers
                }
                #expect(kind == description.scope, "\(id) has a \(kind) example, which its runner would skip")
            }
        }
    }

    @Test func rulesWithoutAPassingExamplePassOnTheRepositorysOwnProgram() throws {
        let report = try Linter.lint(MemoryFileSource(TestSupport.starterFiles()), options: LintOptions(today: TestSupport.today))
        #expect(report.files.count > 50)
        for id in Self.withoutPassingExample {
            #expect(RuleRegistry.rule(id) != nil, "\(id) is not a rule")
            #expect(!report.findings.contains { $0.rule == id }, "\(id) fired on the repository's own program")
        }
    }

    /// A Markdown table whose first column is headed "rule": its rows' rule ids and severities.
    struct RuleTable {
        var file: String
        var ids: [String]
        var severities: [String?]
    }

    static func ruleTables(in file: String) throws -> [RuleTable] {
        let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(file), encoding: .utf8)
        var tables: [RuleTable] = []
        var current: RuleTable?
        var severityColumn: Int?
        func cells(_ line: String) -> [String] {
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for line in text.components(separatedBy: "\n") {
            guard line.hasPrefix("|") else {
                if let table = current { tables.append(table) }
                current = nil
                continue
            }
            let row = cells(line)
            if current == nil {
                guard row.first?.lowercased() == "rule" else { current = nil; continue }
                current = RuleTable(file: file, ids: [], severities: [])
                severityColumn = row.firstIndex { $0.lowercased() == "severity" }
                continue
            }
            if row.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
            current?.ids.append(row[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
            current?.severities.append(severityColumn.flatMap { $0 < row.count ? row[$0] : nil })
        }
        if let table = current { tables.append(table) }
        return tables
    }

    @Test func documentedRuleTablesAreTheRegistry() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        let readme = try Self.ruleTables(in: "README.md")
        #expect(readme.count == 1, "README.md should have one rule table")
        #expect(readme.first?.ids == RuleRegistry.all.map(\.identifier), "README.md's rule table lists the rules in another order, or not all of them")
        var documentedInDocs: Set<String> = []
        for table in try readme + docs.flatMap(Self.ruleTables) {
            for (id, severity) in zip(table.ids, table.severities) {
                let rule = RuleRegistry.rule(id)
                #expect(rule != nil, "\(table.file) lists '\(id)', which is no rule")
                if let severity, let rule { #expect(severity == rule.severity.rawValue, "\(table.file): \(id) has severity \(rule.severity.rawValue), not \(severity)") }
            }
            guard table.file != "README.md" else { continue }
            // A table in docs/ lists every rule of one scope, in the registry's order.
            let scopes = Set(table.ids.compactMap { RuleRegistry.rule($0)?.scope })
            #expect(scopes.count == 1, "\(table.file): a rule table mixes scopes \(scopes)")
            if let scope = scopes.first {
                #expect(table.ids == RuleRegistry.all.filter { $0.scope == scope }.map(\.identifier), "\(table.file): the \(scope.rawValue) rule table is not the registry's")
            }
            documentedInDocs.formUnion(table.ids)
        }
        // The history rules are explained in docs/evidence.md beside the evidence they judge.
        let history = Set(RuleRegistry.historyRules.map(\.identifier))
        #expect(history.isSubset(of: documentedInDocs), "history rules missing from the tables in docs/: \(history.subtracting(documentedInDocs).sorted())")
    }
}

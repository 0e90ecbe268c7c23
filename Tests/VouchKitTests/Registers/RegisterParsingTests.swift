import Testing
import VouchKit

/// Reading the registers: vendors, risks and the roster, with findings that point into the files.
@Suite struct RegisterParsingTests {
    static func program(_ files: [String: String]) throws -> Program {
        try Program.load(from: MemoryFileSource(files.merging([Configuration.fileName: RuleExample.defaultConfiguration]) { old, _ in old }))
    }

    @Test func readsAVendorWithAssuranceAndCSOCs() throws {
        let program = try Self.program(["vendors/aws.md": """
            ---
            id: aws
            name: Amazon Web Services
            services: Hosting
            criticality: critical
            data: [customer-confidential]
            subservice: carve-out
            owner: Head of Infrastructure
            assurance:
              - kind: soc2
                type: 2
                period: { start: 2025-04-01, end: 2026-03-31 }
                received: 2026-05-02
                opinion: unqualified
                exceptions_noted: false
                bridge_letter: { through: 2026-09-30, received: 2026-10-05 }
                url: https://user:secret@example.com/report.pdf
                sha256: abc
            csocs:
              - text: Customers manage access to their own AWS accounts
                criteria: [CC6.1]
                controls: [AC-01, AC-05]
            review: { last: 2026-05-10, interval_days: 365 }
            ---
            Why we use them.
            """])
        let vendor = try #require(program.vendors.first)
        #expect(program.readFindings.isEmpty, "\(program.readFindings)")
        #expect(vendor.isSubservice && vendor.criticality?.value == .critical)
        #expect(vendor.assurance.first?.coveredThrough == CalendarDate("2026-09-30"))
        #expect(vendor.csocs.first?.controls.map(\.value) == ["AC-01", "AC-05"])
        #expect(vendor.review?.due == CalendarDate("2027-05-10"))
        #expect(!(vendor.assurance.first?.url?.value.contains("secret") ?? true), "a credential in a report URL is redacted")
    }

    @Test func badVendorAndRiskFieldsPointAtTheirLines() throws {
        let program = try Self.program([
            "vendors/v.md": "---\nid: v\nname: V\ncriticality: vital\nassurance:\n  - kind: soc2\n    period: { start: 2026-05-01, end: 2026-04-01 }\n---\nText.\n",
            "risks/r.md": "---\nid: R-1\ntitle: T\nlikelihood: 7\nimpact: 2\ntreatment: ignore\n---\nText.\n",
            "controls/ok.md": "---\nid: OK-01\ntitle: OK\nstatus: implemented\nowner: CISO\ncriteria: [CC6.1]\nevidence: [x]\n---\nText.\n",
        ])
        let places = Set(program.readFindings.map { "\($0.file):\($0.line):\($0.column) \($0.rule)" })
        #expect(places.contains("vendors/v.md:4:14 field-value"), "\(places)")
        #expect(places.contains("vendors/v.md:7:39 field-value"), "\(places)")
        #expect(places.contains("risks/r.md:4:13 field-value"), "\(places)")
        #expect(places.contains("risks/r.md:6:12 field-value"), "\(places)")
        #expect(program.controls.count == 1, "other files are still read")
    }

    @Test func rosterRowsReportTheirLineAndColumn() throws {
        let csv = "name,email,aliases,role,team,start,end,policies_required\nDana Reyes,dana@example.com,d@example.com;Dana R,CISO,Security,2024-02-01,,security;hr\n\"Okafor, Sam\",sam@example.com,,CTO,Eng,2024-13-01,,\n,nobody@example.com,,,,2024-01-01,,\n"
        let program = try Self.program(["people/people.csv": csv])
        let people = try #require(program.people)
        #expect(people.count == 3)
        #expect(people[0].aliases == ["d@example.com", "Dana R"])
        #expect(people[0].policiesRequired.map(\.value) == ["security", "hr"])
        #expect(people[1].name.value == "Okafor, Sam")
        let places = Set(program.readFindings.map { "\($0.file):\($0.line):\($0.column) \($0.rule)" })
        #expect(places.contains("people/people.csv:3:40 person-record-invalid"), "\(places)")
        #expect(places.contains("people/people.csv:4:1 field-missing"), "\(places)")
    }

    @Test func rosterHeaderProblemsAreFindingsNotCrashes() throws {
        let program = try Self.program(["people/people.csv": "name,mail,start\nDana,dana@example.com,2024-01-01\n"])
        let rules = program.readFindings.map(\.rule)
        #expect(rules.contains("field-unknown") && rules.contains("field-missing"))
        #expect(program.people?.isEmpty == true)
    }

    @Test func registersAreOptionalWithANoteWhereACriterionExpectsThem() throws {
        let files = [
            "controls/ra.md": "---\nid: RA-01\ntitle: Risk assessment\nstatus: implemented\nowner: CISO\ncriteria: [CC3.1, CC9.2]\nevidence: [x]\n---\nText.\n",
        ]
        let report = try Linter.lint(MemoryFileSource(files.merging([Configuration.fileName: RuleExample.defaultConfiguration]) { $1 }), options: LintOptions(today: TestSupport.today))
        let notes = report.findings.filter { $0.rule == "register-missing" }
        #expect(notes.count == 2, "\(notes.map(\.message))")
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(!report.findings.contains { $0.rule.hasPrefix("vendor-") || $0.rule.hasPrefix("risk-") || $0.rule.hasPrefix("person-") })
    }

    @Test func configurationReadsRiskAppetiteAndAcknowledgementDays() throws {
        let program = try Program.load(from: MemoryFileSource([Configuration.fileName: RuleExample.defaultConfiguration + "\nrisk_appetite: 8\npolicies:\n  acknowledge_within_days: 14\n"]))
        #expect(program.configuration.riskAppetite?.value == 8)
        #expect(program.configuration.acknowledgeWithinDays == 14)
        let bad = try Program.load(from: MemoryFileSource([Configuration.fileName: RuleExample.defaultConfiguration + "\nrisk_appetite: 30\n"]))
        #expect(bad.readFindings.contains { $0.rule == "field-value" && $0.line == 8 })
    }
}

/// The byte reader of acknowledgement notes answers exactly as the line reader does.
@Suite struct AcknowledgementNoteParsingTests {
    @Test func byteReaderAgreesWithLineReader() {
        let lines = [
            "Acknowledged: security 0123456789abcdef0123456789abcdef01234567 2026-03-01 Dana Reyes <dana@example.com>",
            "Acknowledged: security abc 2026-03-01   Dana Reyes\t <dana@example.com> \t",
            "Acknowledged: security abc 2026-03-01 dana@example.com",
            "Acknowledged: security abc 2026-03-01 <dana@example.com>",
            "Acknowledged: security abc 2026-03-01 Dana <@example.com>",
            "Acknowledged: security abc 2026-03-01 Dana <dana@>",
            "Acknowledged: security abc 2026-03-01 Dana <da na@example.com>",
            "Acknowledged: security abc 2026-02-30 Dana <dana@example.com>",
            "Acknowledged: security abc 2026-03-01",
            "Acknowledged: security abc 2026-03-01 Zoë Ångström <zoe@example.com>",
            "Acknowledged: security abc 2026-03-01 Dana <dana@example.com> trailing",
            "Acknowledged:security abc 2026-03-01 Dana <dana@example.com>",
            "Approved-by: Dana Reyes <dana@example.com>",
            "",
        ]
        for line in lines {
            #expect(PolicyAcknowledgement.parse(note: line) == [PolicyAcknowledgement(noteLine: Substring(line))].compactMap { $0 }, "\(line)")
        }
        #expect(PolicyAcknowledgement.parse(note: lines.joined(separator: "\n")) == lines.compactMap { PolicyAcknowledgement(noteLine: Substring($0)) })
    }
}

@Suite struct SignedAcknowledgementParsingTests {
    static let armor = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ\n\nAAAAMwAAAAtzc2gtZWQyNTUxOQ==\n-----END SSH SIGNATURE-----\n"

    @Test func signatureBelongsToTheAcknowledgementAboveIt() throws {
        let dana = PolicyAcknowledgement(policyID: "security", blob: "abc", date: CalendarDate(year: 2026, month: 3, day: 1),
                                         person: Identity(name: "Dana Reyes", email: "dana@example.com"), signatureArmor: Self.armor)
        let sam = PolicyAcknowledgement(policyID: "security", blob: "abc", date: CalendarDate(year: 2026, month: 3, day: 2), person: Identity(name: "Sam", email: "sam@example.com"))
        let note = AcknowledgementStatement(dana).noteLines + AcknowledgementStatement(sam).noteLines
        #expect(note.contains("Acknowledgement-signature: -----BEGIN SSH SIGNATURE-----\n U1NIU0lHAAAAAQ\n \n AAAA"))
        #expect(PolicyAcknowledgement.parse(note: note) == [dana, sam])
        // A signature line with no acknowledgement just above it belongs to none.
        let stray = "Approved-by: Carol <carol@example.com>\n" + AcknowledgementStatement(dana).noteLines.split(separator: "\n", maxSplits: 1)[1]
        #expect(PolicyAcknowledgement.parse(note: stray).isEmpty)
        var unsigned = dana
        unsigned.signatureArmor = nil
        #expect(PolicyAcknowledgement.parse(note: "\(dana.noteLine)\n\nAcknowledgement-signature: x\n") == [unsigned])
    }

    @Test func statementNamesPolicyVersionDateAndPerson() {
        let acknowledgement = PolicyAcknowledgement(policyID: "security", blob: "0123", date: CalendarDate(year: 2026, month: 3, day: 1), person: Identity(name: "Dana Reyes", email: "dana@example.com"))
        #expect(String(decoding: AcknowledgementStatement(acknowledgement).bytes, as: UTF8.self)
                == "vouch-acknowledgement 1\npolicy security\nversion 0123\ndate 2026-03-01\nperson Dana Reyes <dana@example.com>\n")
    }
}

@Suite struct RosterBlankLineTests {
    /// Found by the registers fuzzer: a blank line inside the roster made an empty row, and
    /// reading it crashed `vouch lint`.
    @Test func blankLinesAreSkipped() throws {
        #expect(CSVReader.rows("name,email\n\nA,a@example.com\n\r\n\n").map { $0.map(\.text) } == [["name", "email"], ["A", "a@example.com"]])
        let folder = try TemporaryDirectory()
        try TestSupport.write([
            "vouch.yml": RuleExample.defaultConfiguration,
            "people/people.csv": "name,email,aliases,role,team,start,end,policies_required\n\nDana Reyes,dana@example.com,,CISO,Security,2024-02-01,,all\n\n\nSam Okafor,sam@example.com,,CTO,Eng,2025-01-01,,all\n",
        ], to: folder.url)
        let result = try TestSupport.vouch(["people", "--format", "json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let people = try #require(try parseJSON(result.stdout)["people"] as? [[String: Any]])
        #expect(people.compactMap { $0["email"] as? String } == ["dana@example.com", "sam@example.com"])
        #expect(try TestSupport.vouch(["lint", "--as-of", "2026-06-01"], in: folder.url).status != 132)
    }
}

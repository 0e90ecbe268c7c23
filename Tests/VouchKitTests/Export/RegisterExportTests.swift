import Foundation
import Testing
import VouchKit

/// The registers in the auditor's package: the vendor timeline, the risk matrices, acknowledgement
/// rates and the people populations, with names only when asked for.
@Suite struct RegisterExportTests {
    static func read(_ folder: TemporaryDirectory, _ file: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("package/" + file), encoding: .utf8)
    }

    @Test func packageShowsTheRegistersAndNamesPeopleOnlyWhenAsked() throws {
        let fixture = try ExportFixture()
        let out = try TemporaryDirectory()
        let result = try fixture.export(["--as-of", "2026-11-23"], into: out)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try parseJSON(try Self.read(out, "system-description.json"))
        let registers = try #require(json["registers"] as? [String: Any])
        let vendors = try #require(registers["vendors"] as? [[String: Any]])
        let aws = try #require(vendors.first { $0["id"] as? String == "aws" })
        #expect(aws["gapDays"] as? Int == 92, "AWS's latest report ends on 2026-09-30; the last quarter awaits the next one")
        let timeline = try #require(aws["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["source"] as? String } == ["report", "gap"])
        let processor = try #require(vendors.first { $0["id"] as? String == "payment-processor" })
        #expect((processor["timeline"] as? [[String: Any]])?.map { $0["source"] as? String } == ["bridge-letter"])

        let risks = try #require(registers["risks"] as? [String: Any])
        let inherent = try #require(risks["inherentMatrix"] as? [[Int]])
        #expect(inherent.count == 5 && inherent.allSatisfy { $0.count == 5 })
        #expect(inherent.joined().reduce(0, +) == (risks["entries"] as? [Any])?.count)
        #expect(risks["appetite"] as? Int == 8)

        let people = try #require(registers["people"] as? [[String: Any]])
        #expect(people.first { $0["population"] as? String == "hired" }?["count"] as? Int == 1)
        #expect(people.first { $0["population"] as? String == "left" }?["count"] as? Int == 1)
        #expect(people.allSatisfy { $0["people"] == nil }, "no names without --include-people")
        let html = try Self.read(out, "system-description.html")
        #expect(html.contains("Risk matrix") && html.contains("Policy acknowledgements"))
        #expect(!html.contains("Elena Petrova") && !html.contains("kwame.mensah@example.com"))

        let named = try TemporaryDirectory()
        #expect(try fixture.export(["--include-people"], into: named).status == 0)
        #expect(try Self.read(named, "system-description.html").contains("Elena Petrova"))
        let verified = try TestSupport.vouch(["verify", named.url.appendingPathComponent("package").path], in: fixture.url)
        #expect(verified.status == 0, "a package with names rebuilds byte for byte: \(verified.stdout)\(verified.stderr)")
    }

    @Test func acknowledgementRatesCountTheCurrentVersionsNotes() throws {
        let fixture = try ExportFixture()
        let repository = try Repository.open(at: fixture.url.path)
        let program = try Program.load(from: DirectoryFileSource(root: fixture.url))
        let history = try #require(try PolicyHistory.read(program: program, repository: repository, programPrefix: ""))
        let acknowledger = PolicyAcknowledger(program: program, history: history, repository: repository, programPrefix: "")
        _ = try acknowledger.acknowledge(["information-security"], by: Identity(name: "Maya Chen", email: "maya.chen@example.com"), on: CalendarDate("2026-07-01")!)
        let input = try fixture.input()
        var withEvidence = input
        try ExportSource.readEvidence(into: &withEvidence, repository: repository)
        let description = SystemDescription(withEvidence, report: .soc2)
        let rates = try #require(description.registers?.acknowledgements)
        let security = try #require(rates.first { $0.policyID == "information-security" })
        #expect(security.required == 11 && security.acknowledged == 1, "eleven people are active at the period's end; Kwame left in June")
        #expect(rates.filter { $0.policyID != "information-security" }.allSatisfy { $0.acknowledged == 0 })
    }
}

/// A vendor's report named by `file:` travels with the package, hashed in the manifest, and
/// `vouch verify` notices when the copy is not the report the program holds.
@Suite struct VendorReportArtifactTests {
    @Test func reportIsCopiedHashedAndVerified() throws {
        let report = (0..<3000).map { "%PDF-1.7 page \($0) \u{00e9}\n" }.joined()
        let digest = SHA256.hex(SHA256.hash(Array(report.utf8)))
        var aws = try TestSupport.starterFiles()["vendors/aws.md"]!
        aws = aws.replacingOccurrences(of: "    received: 2026-11-18\n", with: "    received: 2026-11-18\n    file: vendors/reports/aws-soc2-2026.pdf\n    sha256: \(digest)\n")
        let fixture = try ExportFixture(extraFiles: ["vendors/aws.md": aws, "vendors/reports/aws-soc2-2026.pdf": report])
        let out = try TemporaryDirectory()
        let result = try fixture.export(["--as-of", "2026-11-23"], into: out)
        #expect(result.status == 0, "\(result.stderr)")
        let package = out.url.appendingPathComponent("package")
        let copy = package.appendingPathComponent("artifacts/vendors/reports/aws-soc2-2026.pdf")
        #expect(FileManager.default.contents(atPath: copy.path).map { [UInt8]($0) } == Array(report.utf8))
        let manifest = try parseJSON(try String(contentsOf: package.appendingPathComponent("manifest.json"), encoding: .utf8))
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        let entry = try #require(outputs.first { $0["path"] as? String == "artifacts/vendors/reports/aws-soc2-2026.pdf" })
        #expect(entry["sha256"] as? String == digest)
        #expect(outputs.compactMap { $0["path"] as? String } == outputs.compactMap { $0["path"] as? String }.sorted(), "outputs stay sorted by path")

        let verified = try TestSupport.vouch(["verify", package.path], in: fixture.url)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        try Data("%PDF-1.7 another report\n".utf8).write(to: copy)
        let tampered = try TestSupport.vouch(["verify", package.path], in: fixture.url)
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("artifacts/vendors/reports/aws-soc2-2026.pdf: modified"), "\(tampered.stdout)")
    }
}

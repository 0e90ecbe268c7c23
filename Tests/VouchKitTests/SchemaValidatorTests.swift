import Foundation
import Testing
import VouchKit

/// The validators the format tests rely on (sarif-kit for SARIF 2.1.0, compliance-trestle for
/// OSCAL 1.2.1) must reject what the formats forbid, or those tests would prove nothing.
@Suite struct SchemaValidatorTests {
    @Test func sarifValidatorRejectsDocumentsTheSchemaForbids() throws {
        let folder = try TemporaryDirectory()
        let valid = SARIFReporter.render(ReporterTests.report, context: ReporterTests.context())
        #expect(try CIFixtures.validateSARIF(valid, in: folder.url).status == 0)
        var document = try CIFixtures.json(valid)
        var runs = try #require(document["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        results[0]["level"] = "fatal"  // not one of none, note, warning, error
        runs[0]["results"] = results
        document["runs"] = runs
        document["unexpected"] = true  // the root takes no other properties
        let invalid = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        let result = try CIFixtures.validateSARIF(invalid, in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("runs/0/results/0/level: 'fatal' is not one of"), "\(result.stdout)")
        #expect(result.stdout.contains("'unexpected' was unexpected"), "\(result.stdout)")
        let noVersion = try CIFixtures.validateSARIF(#"{"runs": []}"#, in: folder.url)
        #expect(noVersion.status == 1)
        #expect(noVersion.stdout.contains("'version' is a required property"), "\(noVersion.stdout)")
    }

    @Test func oscalValidatorRejectsDocumentsTheSchemaForbids() throws {
        let folder = try TemporaryDirectory()
        let package = try ExportFixture().package(formats: [.oscal])
        let bytes = try #require(package.file("oscal/ssp.json")).bytes
        #expect(try TestSupport.validate(bytes, as: .oscalSystemSecurityPlan, in: folder.url).status == 0)
        var document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var plan = try #require(document["system-security-plan"] as? [String: Any])
        plan["uuid"] = "not-a-uuid"
        plan.removeValue(forKey: "metadata")
        document["system-security-plan"] = plan
        let result = try TestSupport.validate(try JSONSerialization.data(withJSONObject: document), as: .oscalSystemSecurityPlan, in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("uuid: value does not match the required format"), "\(result.stdout)")
        #expect(result.stdout.contains("metadata: required field is missing"), "\(result.stdout)")

        // A model that loads, but repeats a component's UUID: trestle's own validators refuse it.
        var duplicated = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var duplicatedPlan = try #require(duplicated["system-security-plan"] as? [String: Any])
        var implementation = try #require(duplicatedPlan["system-implementation"] as? [String: Any])
        var components = try #require(implementation["components"] as? [[String: Any]])
        components.append(components[0])
        implementation["components"] = components
        duplicatedPlan["system-implementation"] = implementation
        duplicated["system-security-plan"] = duplicatedPlan
        let repeated = try TestSupport.validate(try JSONSerialization.data(withJSONObject: duplicated), as: .oscalSystemSecurityPlan, in: folder.url)
        #expect(repeated.status == 1)
        #expect(repeated.stdout.contains("trestle's duplicates validator refuses the plan"), "\(repeated.stdout)")
    }
}

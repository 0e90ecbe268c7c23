import Foundation
import Testing
import VouchKit

@Suite struct OSCALTests {
    static func object(_ file: PackageFile?) throws -> [String: Any] {
        let bytes = try #require(file).bytes
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func systemSecurityPlanValidatesAgainstTheSchema() throws {
        let fixture = try ExportFixture(extraFiles: [HostileControl.path: HostileControl.file])
        let folder = try TemporaryDirectory()
        for report in ExportReport.allCases {
            let package = try fixture.package(report: report, formats: [.oscal])
            let result = try TestSupport.validate(try #require(package.file("oscal/ssp.json")).bytes, as: .oscalSystemSecurityPlan, in: folder.url)
            #expect(result.status == 0, "\(report): \(result.stdout)\(result.stderr)")
        }
    }

    @Test func planHasControlsByComponentAndCUECsAsResponsibilities() throws {
        let fixture = try ExportFixture()
        let package = try fixture.package(formats: [.oscal])
        let plan = try #require(try Self.object(package.file("oscal/ssp.json"))["system-security-plan"] as? [String: Any])
        let metadata = try #require(plan["metadata"] as? [String: Any])
        #expect(metadata["last-modified"] as? String == "2026-06-30T15:45:00+00:00")
        #expect(metadata["oscal-version"] as? String == "1.2.1")
        #expect((plan["import-profile"] as? [String: Any])?["href"] as? String == "soc2-profile.json")
        let implementation = try #require(plan["control-implementation"] as? [String: Any])
        let requirements = try #require(implementation["implemented-requirements"] as? [[String: Any]])
        let ids = requirements.compactMap { $0["control-id"] as? String }
        #expect(ids.contains("CC6.1") && ids.contains("A1.2") && ids.contains("C1.1"))
        #expect(!ids.contains("PI1.1"), "categories out of scope are not requirements")
        let cc61 = try #require(requirements.first { $0["control-id"] as? String == "CC6.1" })
        let byComponents = try #require(cc61["by-components"] as? [[String: Any]])
        #expect(byComponents.contains { ($0["description"] as? String)?.hasPrefix("**AC-01:") == true })
        let responsibilities = byComponents.compactMap { ($0["export"] as? [String: Any])?["responsibilities"] as? [[String: Any]] }.flatMap { $0 }
        #expect(responsibilities.contains { ($0["description"] as? String)?.hasPrefix("CUEC-02:") == true })
        let components = try #require((plan["system-implementation"] as? [String: Any])?["components"] as? [[String: Any]])
        #expect(components.first?["type"] as? String == "this-system")
        #expect(components.contains { $0["title"] as? String == "Amazon Web Services, Inc." })
    }

    @Test func idsAreStableAcrossCommitsExceptTheDocumentsOwn() throws {
        let fixture = try ExportFixture()
        let first = try fixture.package(formats: [.oscal])
        try fixture.repository.commit("Later change", files: ["policies/extra-note.md": "---\nid: extra-note\ntitle: Extra\nowner: CISO\n---\nText.\n"], date: "2026-07-02T09:00:00+00:00")
        let second = try fixture.package(formats: [.oscal])
        func uuids(_ package: ExportPackage) throws -> (document: String, components: [String]) {
            let plan = try #require(try Self.object(package.file("oscal/ssp.json"))["system-security-plan"] as? [String: Any])
            let components = try #require((plan["system-implementation"] as? [String: Any])?["components"] as? [[String: Any]])
            return (try #require(plan["uuid"] as? String), components.compactMap { $0["uuid"] as? String })
        }
        let (firstDocument, firstComponents) = try uuids(first)
        let (secondDocument, secondComponents) = try uuids(second)
        #expect(firstDocument != secondDocument)
        #expect(firstComponents == secondComponents)
        #expect(firstComponents.allSatisfy { $0.dropFirst(14).hasPrefix("5") }, "version 5 UUIDs")
    }

    @Test func catalogAndProfileListTheCriteria() throws {
        let package = try ExportFixture().package(formats: [.oscal])
        let catalog = try #require(try Self.object(package.file("oscal/soc2-catalog.json"))["catalog"] as? [String: Any])
        #expect(catalog["uuid"] is String)
        #expect((catalog["metadata"] as? [String: Any])?["oscal-version"] as? String == "1.2.1")
        let groups = try #require(catalog["groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["id"] as? String } == TrustServicesCategory.allCases.map(\.rawValue))
        let controls = groups.flatMap { ($0["controls"] as? [[String: Any]]) ?? [] }
        #expect(controls.compactMap { $0["id"] as? String } == SOC2Catalog.catalog.entries.map(\.id))
        #expect(controls.allSatisfy { ($0["title"] as? String)?.isEmpty == false })
        let profile = try #require(try Self.object(package.file("oscal/soc2-profile.json"))["profile"] as? [String: Any])
        let imports = try #require(profile["imports"] as? [[String: Any]])
        #expect(imports.first?["href"] as? String == "soc2-catalog.json")
        let include = (imports.first?["include-controls"] as? [[String: Any]])?.first?["with-ids"] as? [String]
        #expect(include?.contains("CC1.1") == true)
        #expect(include?.contains("P1.1") == false)
    }
}

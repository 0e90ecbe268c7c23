import Foundation
import Testing

/// The layers of Package.swift (VouchCore, VouchGit, VouchKit, the `vouch` command line) as the
/// README's "Working on Vouch" describes them. Target dependencies make most breaches a build
/// error; these tests catch what the compiler cannot: an `import CLibGit2` above VouchGit (a
/// system library's module map is visible to every target that depends on it, even indirectly)
/// and a dependency quietly added to Package.swift.
@Suite struct LayeringTests {
    static let sources = TestSupport.packageRoot.appendingPathComponent("Sources")

    /// The modules each Swift file under `Sources/<target>` imports, by target.
    static func imports(of target: String) throws -> [(file: String, line: String, module: String)] {
        let folder = sources.appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                      words[..<index].allSatisfy({ ["@_exported", "internal", "public", "package", "@testable"].contains($0) })
                else { continue }
                found.append((url.path.replacingOccurrences(of: sources.path + "/", with: ""), String(line), words[index + 1]))
            }
        }
        return found
    }

    static func targets() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func onlyVouchGitImportsLibgit2() throws {
        for target in try Self.targets() where target != "VouchGit" {
            let offending = try Self.imports(of: target).filter { $0.module == "CLibGit2" }
            #expect(offending.isEmpty, "libgit2 is VouchGit's alone: \(offending.map(\.file))")
        }
    }

    @Test func vouchGitKeepsLibgit2OutOfItsInterface() throws {
        let libgit2 = try Self.imports(of: "VouchGit").filter { $0.module == "CLibGit2" }
        #expect(!libgit2.isEmpty)
        let exposed = libgit2.filter { !$0.line.hasPrefix("internal import ") }
        #expect(exposed.isEmpty, "import CLibGit2 with `internal import`: \(exposed.map(\.file))")
    }

    /// RNP (OpenPGP) and its diagnostics' switch are reached only from VouchKit's
    /// Signatures/OpenPGP/, with `internal import`.
    @Test func onlyTheOpenPGPFolderImportsRNP() throws {
        for target in try Self.targets() {
            let rnp = try Self.imports(of: target).filter { $0.module == "CRNP" || $0.module == "CRNPDiagnostics" }
            let outside = rnp.filter { !$0.file.hasPrefix("VouchKit/Signatures/OpenPGP/") }
            #expect(outside.isEmpty, "RNP is for VouchKit/Signatures/OpenPGP/ only: \(outside.map(\.file))")
            let exposed = rnp.filter { !$0.line.hasPrefix("internal import ") }
            #expect(exposed.isEmpty, "import CRNP with `internal import`: \(exposed.map(\.file))")
        }
        #expect(try !Self.imports(of: "VouchKit").filter { $0.module == "CRNP" }.isEmpty)
    }

    @Test func eachLayerImportsOnlyTheLayersBelowIt() throws {
        // The platform and the standard library's own modules (Synchronization: Mutex, Atomic).
        let system: Set = ["Foundation", "Glibc", "Darwin", "Synchronization"]
        let allowed: [String: Set<String>] = [
            "VouchCore": system,
            "VouchGit": system.union(["VouchCore", "CLibGit2"]),
        ]
        for (target, modules) in allowed {
            let offending = try Self.imports(of: target).filter { !modules.contains($0.module) }
            #expect(offending.isEmpty, "\(target) may import only \(modules.sorted()): \(offending.map { "\($0.file): \($0.line)" })")
        }
        let kit = try Self.imports(of: "VouchKit").map(\.module)
        #expect(!kit.contains("ArgumentParser"), "the library never parses arguments")
    }

    /// The dependency lists of Package.swift, read from its text: the graph the README draws.
    @Test func packageGraphIsAsDocumented() throws {
        let manifest = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(#".target(name: "VouchCore"),"#), "VouchCore depends on nothing")
        #expect(manifest.contains(#".target(name: "VouchGit", dependencies: ["VouchCore", "CLibGit2"]),"#))
        // The target (not the product of the same name), which comes after VouchGit's.
        let git = try #require(manifest.range(of: #".target(name: "VouchGit""#))
        let kit = try #require(manifest.range(of: #"name: "VouchKit","#, range: git.upperBound..<manifest.endIndex))
        let kitEnd = try #require(manifest.range(of: "plugins:", range: kit.upperBound..<manifest.endIndex))
        let kitDependencies = manifest[kit.upperBound..<kitEnd.lowerBound]
        #expect(kitDependencies.contains(#""VouchCore", "VouchGit""#))
        #expect(kitDependencies.contains(#""CRNP""#), "VouchKit verifies OpenPGP signatures through RNP")
        #expect(!kitDependencies.contains("CLibGit2"), "VouchKit reaches git only through VouchGit")
    }

    @Test func readmeShowsEveryTarget() throws {
        let readme = try DocumentationTests.readme()
        let layout = try #require(readme.range(of: "## Working on Vouch"))
        let section = readme[layout.upperBound...]
        for target in try Self.targets() {
            #expect(section.contains("\n  \(target)/ "), "README's layout does not show Sources/\(target)/")
        }
    }

    /// Tests go through the public API; a test that needs internals says why, in a comment
    /// right above its `@testable import`.
    @Test func everyTestableImportSaysWhy() throws {
        let tests = TestSupport.packageRoot.appendingPathComponent("Tests")
        guard let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil) else { return }
        var unexplained: [String] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where line.hasPrefix("@testable import ") {
                if index == 0 || !lines[index - 1].hasPrefix("//") { unexplained.append(url.lastPathComponent) }
            }
        }
        #expect(unexplained.isEmpty, "@testable import without a comment saying why: \(unexplained)")
    }
}

import Foundation
import PackagePlugin

/// Embeds the repository's own program (vouch.yml and the program folders) into VouchKit, so
/// `vouch init` writes exactly the program that the repository lints: one source of truth.
@main
struct EmbedStarterProgram: BuildToolPlugin {
    static let folders = ["controls", "policies", "objectives", "system", "vendors", "risks", "people"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var relativePaths = ["vouch.yml"]
        for folder in Self.folders {
            let base = root.appending(path: folder)
            guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in enumerator where ["md", "csv"].contains(url.pathExtension) {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                relativePaths.append(relative)
            }
        }
        relativePaths.sort()
        let output = context.pluginWorkDirectoryURL.appending(path: "StarterProgramFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the starter program (\(relativePaths.count) files)",
                executable: try context.tool(named: "StarterEmbedder").url,
                arguments: [output.path, root.path] + relativePaths,
                inputFiles: relativePaths.map { root.appending(path: $0) },
                outputFiles: [output]),
        ]
    }
}

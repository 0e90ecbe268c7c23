import Foundation

/// The starter program: this repository's own `vouch.yml` and program folders, embedded at
/// build time, written by `vouch init` into another repository.
public enum StarterProgram {
    public static var files: [(path: String, contents: String)] { StarterProgramFiles.files }

    /// The files to write, with the organisation name and SOC 2 categories set as asked.
    public static func files(organization: String?, categories: [TrustServicesCategory]?) -> [(path: String, contents: String)] {
        files.map { file in
            guard file.path == Configuration.fileName else { return file }
            return (file.path, configuration(file.contents, organization: organization, categories: categories))
        }
    }

    /// Rewrites the lines of `vouch.yml` that `init` sets, keeping every comment: the organisation
    /// and SOC 2 categories asked for, and each report's type, which starts at 1 (design at a date):
    /// a new program has no run records yet, and `init` never invents evidence.
    static func configuration(_ text: String, organization: String?, categories: [TrustServicesCategory]?) -> String {
        var lines = text.components(separatedBy: "\n")
        for index in lines.indices {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces) == "type: 2" {
                lines[index] = line.replacingOccurrences(of: "type: 2", with: "type: 1") + "   # set 2 to report on operation over the period; periodic controls then need runs/ records"
            }
            if let organization, line.hasPrefix("organization:") {
                lines[index] = "organization: " + yamlQuoted(organization)
            }
            if let categories, line.trimmingCharacters(in: .whitespaces).hasPrefix("categories:") {
                let indentation = line.prefix { $0 == " " }
                var comment = ""
                if let hash = line.range(of: " #") { comment = "   " + line[hash.lowerBound...].trimmingCharacters(in: .whitespaces) }
                var chosen = [TrustServicesCategory.security] + categories.filter { $0 != .security }
                chosen = chosen.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                lines[index] = indentation + "categories: [" + chosen.map(\.rawValue).joined(separator: ", ") + "]" + comment
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar: always safe, whatever the organisation's name contains.
    static func yamlQuoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.text
    }

    /// Paths of the starter files that already exist under `root`.
    public static func conflicts(in root: URL) -> [String] {
        files.map(\.path).filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    /// Writes the starter program under `root`; refuses, writing nothing, if any file exists.
    public static func write(to root: URL, organization: String?, categories: [TrustServicesCategory]?) throws -> [String] {
        let existing = conflicts(in: root)
        guard existing.isEmpty else { throw StarterProgramError.wouldOverwrite(existing) }
        var written: [String] = []
        for file in files(organization: organization, categories: categories) {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
            written.append(file.path)
        }
        return written
    }
}

public enum StarterProgramError: VouchError, CustomStringConvertible {
    case wouldOverwrite([String])

    public var description: String {
        switch self {
        case .wouldOverwrite(let paths):
            let shown = paths.prefix(10).joined(separator: ", ") + (paths.count > 10 ? " and \(paths.count - 10) more" : "")
            return "refusing to overwrite existing files: \(shown); nothing was written (move them aside, or run 'vouch init' in another repository)"
        }
    }
}

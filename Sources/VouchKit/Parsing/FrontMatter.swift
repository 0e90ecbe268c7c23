/// A Markdown file split into its YAML front matter and its body.
///
/// The front matter is the block between a first line `---` and the next line `---` (or `...`).
/// Lines keep their numbers: `yamlFirstLine` is the file line on which the YAML starts, so a
/// position inside the YAML maps back onto the file by adding `yamlFirstLine - 1`.
public struct FrontMatter: Sendable {
    public var yaml: String
    public var yamlFirstLine: Int
    public var body: String
    public var bodyFirstLine: Int

    /// Splits `text`; a file with no front matter, or one that is never closed, becomes a finding.
    public static func split(_ text: String, path: String) -> Result<FrontMatter, FindingError> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(FindingError(FrontMatterRules.missing.finding(
                at: SourceLocation(file: path),
                "file is empty; start it with a front matter block: a line '---', the YAML fields, and a closing '---'")))
        }
        guard let first = lines.first, isDelimiter(first, allowDots: false) else {
            return .failure(FindingError(FrontMatterRules.missing.finding(
                at: SourceLocation(file: path),
                "file does not start with a front matter block; add a first line '---', the YAML fields (id, title, …) and a closing '---'")))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], allowDots: true) }) else {
            return .failure(FindingError(FrontMatterRules.unterminated.finding(
                at: SourceLocation(file: path),
                "front matter opened on line 1 is never closed; add a line '---' after the last YAML field")))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}

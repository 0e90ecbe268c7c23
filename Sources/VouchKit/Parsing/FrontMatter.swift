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
    /// Works on UTF-8 bytes: this runs for every file on every commit.
    public static func split(_ text: String, path: String) -> Result<FrontMatter, FindingError> {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
                return .failure(FindingError(FrontMatterMissingRule.finding(
                    at: SourceLocation(file: path),
                    "file is empty; start it with a front matter block: a line '---', the YAML fields, and a closing '---'")))
            }
            let firstEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
            guard isDelimiter(bytes[0..<firstEnd], allowDots: false) else {
                return .failure(FindingError(FrontMatterMissingRule.finding(
                    at: SourceLocation(file: path),
                    "file does not start with a front matter block; add a first line '---', the YAML fields (id, title, …) and a closing '---'")))
            }
            var lineStart = firstEnd + 1
            var line = 2
            while lineStart <= bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                if isDelimiter(bytes[lineStart..<lineEnd], allowDots: true) {
                    let yaml = String(decoding: bytes[(firstEnd + 1)..<max(firstEnd + 1, lineStart - 1)], as: UTF8.self)
                    let bodyStart = min(lineEnd + 1, bytes.count)
                    let body = String(decoding: bytes[bodyStart...], as: UTF8.self)
                    return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
                }
                lineStart = lineEnd + 1
                line += 1
            }
            return .failure(FindingError(FrontMatterUnterminatedRule.finding(
                at: SourceLocation(file: path),
                "front matter opened on line 1 is never closed; add a line '---' after the last YAML field")))
        }
    }

    private static func isDelimiter(_ line: Slice<UnsafeBufferPointer<UInt8>>, allowDots: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end - line.startIndex == 3 else { return false }
        let marker = line[line.startIndex]
        guard marker == UInt8(ascii: "-") || (allowDots && marker == UInt8(ascii: ".")) else { return false }
        return line[line.startIndex + 1] == marker && line[line.startIndex + 2] == marker
    }
}

import Foundation

/// The text of one program file, decoded and normalised, or the reason it cannot be read as text.
///
/// Decoding never throws: a file that is too large, binary or not UTF-8 becomes a finding and the
/// linter goes on with the other files.
public struct SourceText: Sendable {
    /// Files above this size are refused unread: a program file is a page of prose, not a data dump.
    public static let maximumSize = 1 << 20

    /// The text with any byte-order mark removed and CRLF / CR line endings turned into LF.
    /// Line numbers are unaffected by the normalisation.
    public let text: String

    /// Decodes `bytes`, or returns the finding that explains why the file was refused.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, FindingError> {
        if bytes.count > ProgramLayout.maximumSize(of: path) {
            return .failure(FindingError(FileTooLargeRule.finding(
                at: SourceLocation(file: path),
                "file is \(bytes.count) bytes, over the \(ProgramLayout.maximumSize(of: path))-byte limit for program files; split it or move bulky material out of the program folders")))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            let position = lineAndColumn(of: nul - body.startIndex, in: body)
            return .failure(FindingError(FileEncodingRule.finding(
                at: SourceLocation(file: path, line: position.line, column: position.column),
                "file contains a NUL byte: it looks binary, not a Markdown or YAML text file; remove it from the program folder")))
        }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body)
            let position = lineAndColumn(of: offset, in: body)
            return .failure(FindingError(FileEncodingRule.finding(
                at: SourceLocation(file: path, line: position.line, column: position.column),
                "file is not valid UTF-8 (first bad byte at offset \(offset)); re-save it as UTF-8")))
        }
        var text = decoded
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(text: text))
    }

    /// Offset of the first byte that breaks UTF-8, found by decoding scalar by scalar.
    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Line and column (both from 1, column in bytes) of a byte offset.
    private static func lineAndColumn(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.prefix(offset).enumerated() where byte == 10 {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// An error that is already phrased as a finding.
public struct FindingError: Error, Sendable {
    public var finding: Finding
    public init(_ finding: Finding) { self.finding = finding }
}

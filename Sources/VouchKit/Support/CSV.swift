import Foundation

/// RFC 4180 CSV, safe to open in a spreadsheet.
public enum CSV {
    /// Rows joined with CRLF, as RFC 4180 and spreadsheet programs expect.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes when needed, and defuses text a spreadsheet would run as a formula
    /// (a leading `=`, `+`, `-` or `@`) by prefixing an apostrophe, as OWASP recommends.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A JSON document built in code, written with keys in the order they were given.
///
/// Vouch's JSON outputs are read by people and diffed, and exports must be byte-identical
/// across runs, so the writer is deterministic: no dictionary ordering, fixed indentation.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed (two-space indent) or compact, always ending without a newline.
    public func serialized(pretty: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(into: &output, indent: pretty ? 0 : nil)
        return String(decoding: output, as: UTF8.self)
    }

    // The writer appends bytes: evidence reports serialize hundreds of thousands of records,
    // and appending to a String one scalar at a time dominated their cost.
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    private static func newLine(_ output: inout [UInt8], _ indent: Int) {
        output.append(newline)
        output.append(contentsOf: repeatElement(space, count: indent))
    }

    private func write(into output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .string(let value): JSONValue.writeString(value, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            let inner = indent.map { $0 + 2 }
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(JSONValue.comma) }
                if let inner { JSONValue.newLine(&output, inner) }
                item.write(into: &output, indent: inner)
            }
            if let indent { JSONValue.newLine(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            let inner = indent.map { $0 + 2 }
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(JSONValue.comma) }
                if let inner { JSONValue.newLine(&output, inner) }
                JSONValue.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(JSONValue.space) }
                value.write(into: &output, indent: inner)
            }
            if let indent { JSONValue.newLine(&output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ value: String, into output: inout String) {
        var bytes: [UInt8] = []
        writeString(value, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal: runs of plain bytes are copied whole; quotes, backslashes, control
    /// characters and U+2028/U+2029 (which break JavaScript) are escaped.
    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(quote)
        var value = value
        value.withUTF8 { bytes in
            var run = 0
            var index = 0
            func escape(_ text: String, skipping length: Int) {
                output.append(contentsOf: bytes[run..<index])
                output.append(contentsOf: text.utf8)
                index += length
                run = index
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case quote: escape("\\\"", skipping: 1)
                case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
                case newline: escape("\\n", skipping: 1)
                case UInt8(ascii: "\r"): escape("\\r", skipping: 1)
                case UInt8(ascii: "\t"): escape("\\t", skipping: 1)
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, skipping: 1)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default:
                    index += 1
                }
            }
            output.append(contentsOf: bytes[run..<bytes.count])
        }
        output.append(quote)
    }
}

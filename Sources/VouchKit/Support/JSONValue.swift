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
        var writer = JSONWriter(pretty: pretty)
        write(to: &writer)
        return writer.text
    }

    private func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .string(let value): writer.string(value)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, value) in members {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}

/// Writes JSON text value by value into a byte buffer: what `JSONValue` serializes through, and
/// what hot paths use directly, without building a tree (a change record for every commit of a
/// long history). Commas, and in pretty mode line breaks and two-space indentation, are placed
/// by the writer; the caller only says where arrays and objects begin and end.
///
/// It appends bytes: evidence reports serialize hundreds of thousands of records, and
/// appending to a String one scalar at a time dominated their cost.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// How many arrays and objects are open.
    private var depth = 0
    /// Whether the innermost open array or object has no member yet (so no comma is due).
    private var isEmpty = true
    /// Whether a key was just written, so the next value is its value rather than a new member.
    private var awaitsValue = false

    init(pretty: Bool = false, capacity: Int = 512) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key, inside an object; its value is what is written next.
    mutating func key(_ name: String) {
        startMember()
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        awaitsValue = true
    }

    mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func int(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func string(_ value: String) {
        startValue()
        Self.appendQuoted(value, to: &bytes)
    }

    /// The string, or `null` when there is none.
    mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty, !isEmpty { newLine() }
        bytes.append(bracket)
        isEmpty = false
    }

    private mutating func startValue() {
        if awaitsValue {
            awaitsValue = false
        } else {
            startMember()
        }
    }

    /// The comma (and line break) before an element of an array or a member of an object.
    private mutating func startMember() {
        guard depth > 0 else { return }
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        if pretty { newLine() }
        isEmpty = false
    }

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A JSON string literal: runs of plain bytes are copied whole; quotes, backslashes, control
    /// characters and U+2028/U+2029 (which break JavaScript) are escaped.
    static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
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
                case UInt8(ascii: "\n"): escape("\\n", skipping: 1)
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

/// Writes JSON text value by value into a byte buffer: what `JSONValue` serializes through, and
/// what hot paths use directly, without building a tree (a change record for every commit of a
/// long history). Commas, and in pretty mode line breaks and two-space indentation, are placed
/// by the writer; the caller only says where arrays and objects begin and end.
///
/// Not copyable: it owns its buffer, which it writes into directly. (Appending to an array
/// costs several times the copy itself for the many short strings of a record.)
package struct JSONWriter: ~Copyable {
    /// The text written so far is the first `count` of the `capacity` bytes at `buffer`.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let pretty: Bool
    /// How many arrays and objects are open.
    private var depth = 0
    /// Whether the innermost open array or object has no member yet (so no comma is due).
    private var isEmpty = true
    /// Whether a key was just written, so the next value is its value rather than a new member.
    private var awaitsValue = false

    package init(pretty: Bool = false, capacity: Int = 512) {
        self.pretty = pretty
        self.capacity = max(capacity, 16)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// The text written so far.
    package var text: String { String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self) }

    /// The text written so far, as UTF-8 bytes (no decoding to a String).
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: count)) }

    /// How many bytes have been written.
    package var byteCount: Int { count }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key, inside an object; its value is what is written next.
    package mutating func key(text name: String) {
        startMember()
        appendQuoted(name)
        endKey()
    }

    /// A key written in code: plain ASCII, so it is copied without looking for what to escape
    /// (records written for every change of a history have some thirty keys each).
    package mutating func key(_ name: StaticString) {
        let text = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        assert(!text.contains(where: Self.mayNeedEscape), "the key \(name) needs escaping")
        startMember()
        appendPlainQuoted(length: text.count) { _ = $0.update(fromContentsOf: text) }
        endKey()
    }

    private mutating func endKey() {
        append(UInt8(ascii: ":"))
        if pretty { append(UInt8(ascii: " ")) }
        awaitsValue = true
    }

    package mutating func null() {
        startValue()
        append("null")
    }

    package mutating func bool(_ value: Bool) {
        startValue()
        append(value ? "true" : "false")
    }

    package mutating func int(_ value: Int) {
        startValue()
        append(String(value))
    }

    package mutating func string(_ value: String) {
        startValue()
        appendQuoted(value)
    }

    /// The string, or `null` when there is none.
    package mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An array of strings.
    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        append(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty, !isEmpty { newLine() }
        append(bracket)
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
        if !isEmpty { append(UInt8(ascii: ",")) }
        if pretty { newLine() }
        isEmpty = false
    }

    private mutating func newLine() {
        append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { append(UInt8(ascii: " ")) }
    }

    /// A JSON string literal: quotes, backslashes, control characters and U+2028/U+2029 (which
    /// break JavaScript) are escaped; runs of other bytes are copied whole.
    private mutating func appendQuoted(_ value: String) {
        Text.withUTF8(value) { text in
            guard let first = text.firstIndex(where: Self.mayNeedEscape) else {
                appendPlainQuoted(length: text.count) { _ = $0.update(fromContentsOf: text) }
                return
            }
            append(UInt8(ascii: "\""))
            var run = 0
            var index = first
            while index < text.count {
                guard let (escaped, length) = Self.escape(text, at: index) else {
                    index += 1
                    continue
                }
                append(UnsafeBufferPointer(rebasing: text[run..<index]))
                append(escaped)
                index += length
                run = index
            }
            append(UnsafeBufferPointer(rebasing: text[run...]))
            append(UInt8(ascii: "\""))
        }
    }

    /// Whether the byte may start something to escape (the other bytes are copied as they are).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// The escape for what starts at `index`, and how many bytes it replaces; nil when the bytes
    /// there are written as they are.
    private static func escape(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
        let byte = text[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20:
            return ("\\u00" + Hex.string(CollectionOfOne(byte)), 1)
        case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
            return (text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default:
            return nil
        }
    }

    /// A string value of `length` bytes that need no escaping (digits, hex, ASCII punctuation),
    /// written in place by `write`: ids and timestamps go straight into the text.
    package mutating func plainString(length: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        startValue()
        appendPlainQuoted(length: length, write)
    }

    private mutating func appendPlainQuoted(length: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        appendInPlace(length: length + 2) { target in
            target[0] = UInt8(ascii: "\"")
            write(UnsafeMutableBufferPointer(rebasing: target[1..<(length + 1)]))
            target[length + 1] = UInt8(ascii: "\"")
        }
    }

    private mutating func append(_ text: String) {
        Text.withUTF8(text) { append($0) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        appendInPlace(length: bytes.count) { _ = $0.update(fromContentsOf: bytes) }
    }

    private mutating func append(_ byte: UInt8) {
        appendInPlace(length: 1) { $0[0] = byte }
    }

    /// Appends `length` bytes, written by `write` straight into the buffer.
    private mutating func appendInPlace(length: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        if count + length > capacity { grow(toHold: count + length) }
        write(UnsafeMutableBufferPointer(start: buffer + count, count: length))
        count += length
    }

    /// Moves the text to a buffer at least twice as large.
    private mutating func grow(toHold length: Int) {
        capacity = max(2 * capacity, length)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = larger
    }
}

import Foundation
import Testing
import VouchKit

@Suite struct JSONWriterTests {
    @Test func escapesAndLayout() {
        let value = JSONValue.object([("a", .string("q\"b\\n\n\r\t\u{01}\u{2028}é😀")), ("b", .array([.int(-3), .bool(true), .null])), ("c", .object([])), ("d", .array([]))])
        #expect(value.serialized(pretty: false) == #"{"a":"q\"b\\n\n\r\t\u0001\u2028é😀","b":[-3,true,null],"c":{},"d":[]}"#)
        #expect(value.serialized() == "{\n  \"a\": \"q\\\"b\\\\n\\n\\r\\t\\u0001\\u2028é😀\",\n  \"b\": [\n    -3,\n    true,\n    null\n  ],\n  \"c\": {},\n  \"d\": []\n}")
        #expect(JSONValue.object([("", .string("")), ("e", .array([.string("")]))]).serialized(pretty: false) == #"{"":"","e":[""]}"#)
    }
}

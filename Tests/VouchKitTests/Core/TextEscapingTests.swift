import Testing
import VouchKit

/// One escaper serves every format; each format names only what it replaces.
@Suite struct TextEscapingTests {
    @Test func replacesOnlyWhatTheFormatNames() {
        let markup = { (text: String) in TextEscaping.escaping(text) { $0 == "'" ? "&#39;" : TextEscaping.markupEntity($0) } }
        #expect(markup("a < b & \"c\" 'd' é😀") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; é😀")
        #expect(markup("plain text, nothing to do") == "plain text, nothing to do")
        // Non-ASCII characters can be replaced too (XML has no U+FFFE), and combining marks
        // after a replaced character stay in place.
        #expect(TextEscaping.escaping("x\u{FFFE}y<\u{301}") { $0 == "\u{FFFE}" ? "\u{FFFD}" : TextEscaping.markupEntity($0) } == "x\u{FFFD}y&lt;\u{301}")
        #expect(TextEscaping.escaping("") { _ in "!" } == "")
    }
}

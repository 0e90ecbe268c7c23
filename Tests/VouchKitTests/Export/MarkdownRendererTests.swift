import Foundation
import Testing
import VouchKit

@Suite struct MarkdownRendererTests {
    @Test func rendersGitHubExtensions() {
        let html = MarkdownRenderer.html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and www.example.com\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func rawHTMLIsShownAsTextNotMarkup() {
        let html = MarkdownRenderer.html(HostileControl.file.components(separatedBy: "---\n").last!)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a href=\"https://evil.example\" onclick"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the block is shown as written")
        #expect(html.contains("Inline &lt;img src=x onerror=alert(1)&gt; tag"))
        #expect(!html.contains("raw HTML omitted"), "nothing is silently dropped")
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))", "[x](<javascript:alert(1)>)",
        "[x](vbscript:msgbox(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](file:///etc/passwd)", "<javascript:alert(1)>",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
    ])
    func dangerousLinkTargetsAreDropped(markdown: String) {
        let html = MarkdownRenderer.html(markdown)
        for scheme in ["javascript", "vbscript", "data:", "file:"] {
            #expect(!html.lowercased().replacingOccurrences(of: "\t", with: "").contains("href=\"\(scheme)"), "\(markdown) → \(html)")
        }
    }

    @Test func safeLinksStay() {
        let html = MarkdownRenderer.html("[a](https://example.com/x) [b](mailto:a@example.com) [c](#part) [d](../policies/x.md)")
        #expect(html.contains("href=\"https://example.com/x\""))
        #expect(html.contains("href=\"mailto:a@example.com\""))
        #expect(html.contains("href=\"#part\""))
        #expect(html.contains("href=\"../policies/x.md\""))
    }

    @Test func imagesBecomeLinksSoNothingIsLoaded() {
        let html = MarkdownRenderer.html("![a diagram](https://example.com/d.png) ![x](data:image/png;base64,AAAA)")
        #expect(!html.contains("<img"))
        #expect(html.contains("<a href=\"https://example.com/d.png\">a diagram</a>"))
        #expect(!html.contains("data:image"))
    }

    @Test func headingsMoveDownAndStopAtSix() {
        #expect(MarkdownRenderer.html("# One\n\n##### Five", headingOffset: 2) == "<h3>One</h3>\n<h6>Five</h6>\n")
        #expect(MarkdownRenderer.commonmark("# One", headingOffset: 3) == "#### One\n")
    }

    @Test func markdownOutputEscapesRawHTML() {
        let markdown = MarkdownRenderer.commonmark("Text <script>alert(1)</script> here\n\n<div onclick=x>block</div>\n")
        #expect(!markdown.contains("<script>"))
        // An HTML block becomes a code block: shown as written, never interpreted.
        #expect(markdown.contains("\n    <div onclick=x>block</div>"))
        #expect(MarkdownRenderer.html(markdown).contains("<pre><code>&lt;div onclick=x&gt;block&lt;/div&gt;"))
        #expect(markdown.contains("alert(1)"), "the text is kept, inert")
    }

    @Test func emptyAndOddInputDoNotCrash() {
        #expect(MarkdownRenderer.html("") == "")
        _ = MarkdownRenderer.html("\u{0}\u{FFFF}" + String(repeating: "[", count: 10_000))
        _ = MarkdownRenderer.commonmark(String(repeating: "> ", count: 2_000) + "deep")
    }
}

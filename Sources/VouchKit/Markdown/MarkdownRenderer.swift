import CCmarkGFM
import Foundation

/// Renders the Markdown bodies of program documents with cmark-gfm, GitHub's own parser, with
/// its table, strikethrough and autolink extensions.
///
/// This folder is the only part of Vouch that talks to cmark-gfm. Program files are untrusted
/// input to the auditor's HTML, so the syntax tree is made inert before it is rendered:
/// - raw HTML (blocks and inline tags) becomes literal text, shown as written, never as markup;
/// - images become links, so the document never loads anything from elsewhere;
/// - links keep only `http`, `https`, `mailto` and relative targets (no `javascript:`,
///   `vbscript:`, `data:`, `file:` …);
/// and the HTML renderer runs with `CMARK_OPT_DEFAULT`, cmark's safe mode, as a second guard.
public enum MarkdownRenderer {
    /// HTML for a document body; headings move down by `headingOffset` levels (at most `h6`)
    /// so that a body's `#` sits below the section heading around it.
    public static func html(_ markdown: String, headingOffset: Int = 0) -> String {
        render(markdown, headingOffset: headingOffset) { root, extensions in
            cmark_render_html(root, CMARK_OPT_DEFAULT, extensions)
        }
    }

    /// GitHub-flavoured Markdown for a document body, normalised by the same parser and made
    /// inert the same way as the HTML (raw HTML is escaped, images become links).
    public static func commonmark(_ markdown: String, headingOffset: Int = 0) -> String {
        render(markdown, headingOffset: headingOffset) { root, _ in
            cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0)
        }
    }

    /// The extensions every parse attaches, by cmark-gfm's names.
    static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Link schemes that may reach the output; anything else loses its target.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    // cmark-gfm's extension registry is process-global and not thread-safe to set up.
    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    private static func render(_ markdown: String, headingOffset: Int, _ renderer: (OpaquePointer?, UnsafeMutablePointer<cmark_llist>?) -> UnsafeMutablePointer<CChar>?) -> String {
        _ = registration
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            // The buffer ends with a NUL that is not part of the text.
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        makeInert(root, headingOffset: headingOffset)
        guard let output = renderer(root, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(output) }
        return String(cString: output)
    }

    /// Rewrites the tree in place; nodes are collected first because replacing a node while an
    /// iterator stands on it is undefined.
    private static func makeInert(_ root: OpaquePointer, headingOffset: Int) {
        var rawHTML: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            case CMARK_NODE_IMAGE: images.append(node)
            case CMARK_NODE_LINK:
                if !isAllowed(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "") { cmark_node_set_url(node, "") }
            case CMARK_NODE_HEADING where headingOffset != 0:
                cmark_node_set_heading_level(node, min(6, max(1, cmark_node_get_heading_level(node) + Int32(headingOffset))))
            default: break
            }
        }
        cmark_iter_free(iterator)
        for node in rawHTML {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            // A block keeps its lines as a code block; an inline tag becomes text in its paragraph.
            guard let replacement = cmark_node_new(isBlock ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(replacement, literal)
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
        for node in images {
            // The image's alt text (its children) stays, as the text of a link to the image.
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            cmark_node_set_url(link, isAllowed(url: url) ? url : "")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(link, child)
            }
            cmark_node_replace(node, link)
            cmark_node_free(node)
        }
    }

    /// Relative targets and fragments are allowed; an absolute URL only with an allowed scheme.
    static func isAllowed(url: String) -> Bool {
        // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let beforeColon = compact[..<colon]
        // A `/`, `?` or `#` before the first colon makes it a relative reference, not a scheme.
        if beforeColon.contains(where: { "/?#".contains($0) }) { return true }
        return allowedSchemes.contains(beforeColon.lowercased())
    }
}

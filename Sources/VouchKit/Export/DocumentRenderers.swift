/// Writes a `DescriptionDocument` as one self-contained HTML file: inline CSS, no script, no
/// external resource, and a Content-Security-Policy that forbids both should anything slip in.
enum HTMLDocumentRenderer {
    static func render(_ document: DescriptionDocument) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(document.title))</title>
            <style>\(stylesheet)</style>
            </head>
            <body>
            <header class="title-page">
            <p class="organisation">\(escape(document.subtitle))</p>
            <h1>\(escape(document.title))</h1>

            """
        html += facts(document.facts)
        html += "<nav class=\"contents\"><h2>Contents</h2><ol>\n"
        for section in document.sections {
            html += "<li><a href=\"#\(section.anchor)\">\(escape(section.heading))</a></li>\n"
        }
        html += "</ol></nav>\n</header>\n<main>\n"
        for section in document.sections {
            html += "<section id=\"\(section.anchor)\">\n<h2>\(escape(section.heading))</h2>\n"
            for block in section.blocks { html += render(block) }
            html += "</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func render(_ block: DocumentBlock) -> String {
        switch block {
        case .heading(let text, let anchor):
            return "<h3\(anchor.map { " id=\"\($0)\"" } ?? "")>\(escape(text))</h3>\n"
        case .markdown(let markdown, let headingOffset):
            return "<div class=\"narrative\">\n\(MarkdownRenderer.html(markdown, headingOffset: headingOffset))</div>\n"
        case .paragraph(let text):
            return "<p>\(escape(text))</p>\n"
        case .missing(let text):
            return "<p class=\"missing\">\(escape(text))</p>\n"
        case .facts(let list):
            return facts(list)
        case .table(let table):
            var html = "<table>\n<thead><tr>"
            for column in table.columns { html += "<th scope=\"col\">\(escape(column))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            var previousLead: String?
            for row in table.rows {
                // A row that repeats the lead cell above it shows it once, so groups read as groups.
                let lead = row.first?.text
                let continued = table.groupsByFirstColumn && lead == previousLead
                previousLead = lead
                html += continued ? "<tr class=\"continued\">" : "<tr>"
                if continued { html += "<td></td>" }
                for cell in row.dropFirst(continued ? 1 : 0) {
                    var text = escape(cell.text)
                    if let anchor = cell.anchor { text = "<a href=\"#\(anchor)\">\(text)</a>" }
                    html += cell.flagged ? "<td class=\"flagged\">\(text)</td>" : "<td>\(text)</td>"
                }
                html += "</tr>\n"
            }
            return html + "</tbody>\n</table>\n"
        case .heatMap(let map):
            var html = "<table class=\"heat-map\">\n<thead><tr><th scope=\"col\">\(escape(map.corner))</th>"
            for column in map.columns { html += "<th scope=\"col\">\(escape(column))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for row in map.rows {
                html += "<tr><th scope=\"row\">\(escape(row.label)) <span class=\"detail\">\(escape(row.detail))</span></th>"
                for cell in row.cells {
                    let span = cell.span > 1 ? " colspan=\"\(cell.span)\"" : ""
                    html += "<td\(span) class=\"run run-\(cell.status?.rawValue ?? "none")\" title=\"\(escape(cell.title))\">\(escape(cell.status?.mark ?? ""))</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n<p class=\"legend\">Legend:"
            for status in map.legend { html += " <span class=\"run run-\(status.rawValue)\">\(escape(status.mark))</span> \(escape(status.rawValue))" }
            return html + "</p>\n"
        }
    }

    private static func facts(_ list: [DocumentFact]) -> String {
        var html = "<dl class=\"facts\">\n"
        for fact in list { html += "<dt>\(escape(fact.label))</dt><dd>\(escape(fact.value))</dd>\n" }
        return html + "</dl>\n"
    }

    /// Escapes text for element content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        TextEscaping.escaping(text) { scalar in scalar == "'" ? "&#39;" : TextEscaping.markupEntity(scalar) }
    }

    static let stylesheet = """

        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6473; --rule: #d5dae1; --accent: #1f4e8c; --flag: #a4262c; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 15px/1.55 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.2rem 0 1.5rem; }
        h2 { font-size: 1.45rem; margin: 2.5rem 0 1rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
        h3 { font-size: 1.15rem; margin: 1.8rem 0 0.6rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
        a { color: var(--accent); }
        .title-page .organisation { font-size: 1.1rem; color: var(--muted); margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.25rem; margin: 0.8rem 0 1.2rem; }
        dl.facts dt { font-weight: 600; color: var(--muted); }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        nav.contents ol { padding-left: 1.5rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.4rem; font-size: 0.85rem; }
        th, td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        tr.continued td:first-child { border-top-color: transparent; }
        thead th { background: #eef2f7; }
        td.flagged { color: var(--flag); font-weight: 600; }
        p.missing { border-left: 4px solid var(--flag); background: #fcf0f0; color: var(--flag); padding: 0.6rem 0.8rem; font-weight: 600; }
        .narrative pre { background: #f5f7fa; border: 1px solid var(--rule); padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
        table.heat-map { table-layout: fixed; }
        table.heat-map th[scope="row"] { width: 9rem; font-weight: 600; }
        table.heat-map .detail { display: block; font-weight: 400; color: var(--muted); font-size: 0.8em; }
        .run { text-align: center; font-weight: 700; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        p.legend .run { display: inline-block; min-width: 1.6em; padding: 0 0.3em; border: 1px solid var(--rule); }
        .run-recorded { background: #d7efdb; color: #1b5e20; }
        .run-late { background: #fbe7b5; color: #7a4f00; }
        .run-exception { background: #f9d0ae; color: #8a3b00; }
        .run-missing { background: #f4c4c4; color: #8e1b1b; }
        .run-due { background: #d4e3f6; color: #173f73; }
        .run-upcoming { background: #f1f2f4; color: #5b6473; }
        .run-none { background: #fff; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { color: inherit; text-decoration: none; }
          header.title-page { break-after: page; }
          main > section { break-before: page; }
          thead { display: table-header-group; }
          tr, dl.facts { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
        }

        """
}

/// Writes a `DescriptionDocument` as GitHub-flavoured Markdown.
enum MarkdownDocumentRenderer {
    static func render(_ document: DescriptionDocument) -> String {
        var lines: [String] = [
            "# \(escape(document.title))",
            "",
            "**\(escape(document.subtitle))**",
            "",
        ]
        lines += facts(document.facts)
        lines += ["## Contents", ""]
        for (index, section) in document.sections.enumerated() { lines.append("\(index + 1). \(escape(section.heading))") }
        lines.append("")
        for section in document.sections {
            lines += ["## \(escape(section.heading))", ""]
            for block in section.blocks { lines += render(block) }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ block: DocumentBlock) -> [String] {
        switch block {
        case .heading(let text, _):
            return ["### \(escape(text))", ""]
        case .markdown(let markdown, let headingOffset):
            let body = MarkdownRenderer.commonmark(markdown, headingOffset: headingOffset)
            return body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).reversed().drop { $0.isEmpty }.reversed() + [""]
        case .paragraph(let text):
            return [escape(text), ""]
        case .missing(let text):
            return ["> **\(escape(text))**", ""]
        case .facts(let list):
            return facts(list)
        case .table(let table):
            var lines = ["| " + table.columns.map(cell).joined(separator: " | ") + " |"]
            lines.append("|" + String(repeating: "---|", count: table.columns.count))
            for row in table.rows {
                lines.append("| " + row.map { $0.flagged && !$0.text.isEmpty ? "**\(cell($0.text))**" : cell($0.text) }.joined(separator: " | ") + " |")
            }
            return lines + [""]
        case .heatMap(let map):
            var lines = ["| " + ([map.corner] + map.columns).map(cell).joined(separator: " | ") + " |"]
            lines.append("|" + String(repeating: "---|", count: map.columns.count + 1))
            for row in map.rows {
                let marks = row.cells.flatMap { Array(repeating: $0.status?.mark ?? "", count: $0.span) }
                lines.append("| " + ([cell("\(row.label) (\(row.detail))")] + marks.map(cell)).joined(separator: " | ") + " |")
            }
            return lines + ["", "Legend: " + map.legend.map { "\($0.mark) \($0.rawValue)" }.joined(separator: ", ") + ".", ""]
        }
    }

    private static func facts(_ list: [DocumentFact]) -> [String] {
        list.map { "- **\(escape($0.label)):** \(escape($0.value))" } + [""]
    }

    private static func cell(_ text: String) -> String {
        escape(text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text)
    }

    private static let specialCharacters = Set("\\`*_[]<>|#~".unicodeScalars)

    /// Backslash-escapes the characters that would make plain text into Markdown or HTML.
    static func escape(_ text: String) -> String {
        TextEscaping.escaping(text) { specialCharacters.contains($0) ? "\\" + String($0) : nil }
    }
}

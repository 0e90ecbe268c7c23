/// The escaping of every output format (HTML, Markdown, XML, workflow commands) in one loop:
/// each format says only which characters it replaces, and by what.
package enum TextEscaping {
    /// `text` with each Unicode scalar for which `replacement` gives a string replaced by it; the
    /// runs in between are copied whole, and text with nothing to replace is returned as it is.
    package static func escaping(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        let scalars = text.unicodeScalars
        guard var index = scalars.firstIndex(where: { replacement($0) != nil }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        var runStart = scalars.startIndex
        while index != scalars.endIndex {
            if let substitute = replacement(scalars[index]) {
                output.unicodeScalars.append(contentsOf: scalars[runStart..<index])
                output += substitute
                index = scalars.index(after: index)
                runStart = index
            } else {
                index = scalars.index(after: index)
            }
        }
        output.unicodeScalars.append(contentsOf: scalars[runStart...])
        return output
    }

    /// The entity HTML and XML share for a character that would end text or an attribute
    /// (`&`, `<`, `>`, `"`); nil for the others. Each format adds its own spelling of `'`.
    package static func markupEntity(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }
}

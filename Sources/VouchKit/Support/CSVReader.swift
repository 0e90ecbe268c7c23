/// Reads RFC 4180 CSV, keeping where each cell starts so findings can point into the file.
///
/// Written here rather than taken from a library because the findings need each cell's line and
/// column, which CSV libraries do not report.
public enum CSVReader {
    public struct Cell: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// The rows of `text`; blank lines are skipped. A quote left open runs to the end of the text.
    public static func rows(_ text: String) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var field: [UInt8] = []
        var line = 1, column = 1
        var cellLine = 1, cellColumn = 1
        var quoted = false, rowHasContent = false
        let bytes = Array(text.utf8)
        var index = 0
        func endCell() {
            row.append(Cell(text: String(decoding: field, as: UTF8.self), line: cellLine, column: cellColumn))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            if rowHasContent || row.count > 0 { endCell() }
            // A blank line ends a row with no cell at all; a lone empty cell is blank too.
            if !row.isEmpty, !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
            row = []
            rowHasContent = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if !rowHasContent && row.isEmpty && field.isEmpty { cellLine = line; cellColumn = column }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1; column += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                    if byte == UInt8(ascii: "\n") { line += 1; column = 0 }
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                quoted = true
                rowHasContent = true
            } else if byte == UInt8(ascii: ",") {
                rowHasContent = true
                endCell()
                cellLine = line; cellColumn = column + 1
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                endRow()
                line += 1; column = 0
                cellLine = line; cellColumn = 1
            } else {
                field.append(byte)
                rowHasContent = true
            }
            index += 1
            column += 1
        }
        if rowHasContent || !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}

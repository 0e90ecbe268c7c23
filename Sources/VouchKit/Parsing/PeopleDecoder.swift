/// Reads `people/people.csv`, the roster: one person a row, columns named by the header.
enum PeopleDecoder {
    static let columns = ["name", "email", "aliases", "role", "team", "start", "end", "policies_required"]
    static let requiredColumns = ["name", "email", "start"]

    static func decode(_ text: String, path: String) -> ([Person], [Finding]) {
        let rows = CSVReader.rows(text)
        guard let header = rows.first else {
            return ([], [FieldMissingRule.finding(at: SourceLocation(file: path), "the roster is empty; its first line names the columns: \(columns.joined(separator: ","))")])
        }
        var findings: [Finding] = []
        var index: [String: Int] = [:]
        for (position, cell) in header.enumerated() {
            let name = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
            guard columns.contains(name) else {
                findings.append(FieldUnknownRule.finding(at: location(cell, path), "unknown column '\(cell.text)' in the roster" + DidYouMean.hint(for: name, in: columns) + "; allowed columns: \(columns.joined(separator: ","))"))
                continue
            }
            if index[name] != nil {
                findings.append(YAMLDuplicateKeyRule.finding(at: location(cell, path), "column '\(name)' is named twice in the roster header; keep one"))
            } else {
                index[name] = position
            }
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            findings.append(FieldMissingRule.finding(at: location(header[0], path), "the roster header lacks column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")); the columns are \(columns.joined(separator: ","))"))
            return ([], findings)
        }
        var people: [Person] = []
        people.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            let rowLocation = location(row[0], path)
            func cell(_ column: String) -> CSVReader.Cell? {
                guard let position = index[column], position < row.count else { return nil }
                return row[position]
            }
            func text(_ column: String) -> String { cell(column)?.text.trimmingCharacters(in: .whitespaces) ?? "" }
            func date(_ column: String) -> Located<CalendarDate>? {
                guard let cell = cell(column), !text(column).isEmpty else { return nil }
                guard let date = CalendarDate(text(column)) else {
                    findings.append(PersonRecordInvalidRule.finding(at: location(cell, path), "'\(column)' must be a date written YYYY-MM-DD, found '\(cell.text)'"))
                    return nil
                }
                return Located(date, at: location(cell, path))
            }
            if row.count > header.count {
                findings.append(FieldUnknownRule.finding(at: location(row[header.count], path), "row has \(row.count) cells but the header names \(header.count) columns; quote a cell that contains a comma"))
            }
            let name = text("name"), email = text("email")
            if name.isEmpty || email.isEmpty {
                findings.append(FieldMissingRule.finding(at: rowLocation, "each person needs a name and an email; this row lacks \(name.isEmpty ? "a name" : "an email")"))
                if email.isEmpty { continue }
            }
            if cell("start").map({ _ in text("start").isEmpty }) ?? true {
                findings.append(FieldMissingRule.finding(at: cell("start").map { location($0, path) } ?? rowLocation, "\(name.isEmpty ? email : name) has no start date; give it as YYYY-MM-DD"))
            }
            let policies: [Located<String>] = cell("policies_required").map { cell in
                split(cell.text).map { Located($0, at: location(cell, path)) }
            } ?? []
            people.append(Person(
                name: Located(name, at: cell("name").map { location($0, path) } ?? rowLocation),
                email: Located(email, at: cell("email").map { location($0, path) } ?? rowLocation),
                aliases: split(text("aliases")), role: text("role"), team: text("team"),
                start: date("start"), end: date("end"), policiesRequired: policies, location: rowLocation))
        }
        return (people, findings)
    }

    /// A list inside one cell: semicolon-separated, as spreadsheets leave commas to the columns.
    static func split(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func location(_ cell: CSVReader.Cell, _ path: String) -> SourceLocation {
        SourceLocation(file: path, line: cell.line, column: cell.column)
    }
}

/// Merges an HR export into the roster, `people/people.csv`: rows are matched by email, the
/// mapped columns take the export's values, and nobody is dropped: a person missing from the
/// export stays, and is reported, because only an end date says someone left.
public struct RosterImport: Sendable {
    public struct Change: Sendable, Hashable {
        public var email: String
        public var name: String
        /// The columns whose value changed, with the old and new values.
        public var fields: [Field]
    }

    public struct Field: Sendable, Hashable {
        public var column: String
        public var old: String
        public var new: String
    }

    /// The roster's text after the merge.
    public var roster: String
    public var joiners: [Change] = []
    /// People whose end date the export set or changed.
    public var leavers: [Change] = []
    public var changed: [Change] = []
    /// On the roster, not in the export, with no end date: kept.
    public var missingFromExport: [String] = []
    /// Export rows that could not be used (no email), by line.
    public var skippedLines: [Int] = []

    public var isUnchanged: Bool { joiners.isEmpty && leavers.isEmpty && changed.isEmpty }

    /// Why an import cannot run: the mapping names a column the export lacks, or no email column.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// - Parameters:
    ///   - roster: the current roster's text, nil when there is none yet.
    ///   - export: the HR export, CSV with a header.
    ///   - mapping: roster column → export column; `email` is required.
    public init(roster: String?, export: String, mapping: [String: String]) throws {
        let columns = PeopleDecoder.columns
        if let unknown = mapping.keys.first(where: { !columns.contains($0) }) {
            throw Problem(description: "'\(unknown)' is not a roster column" + DidYouMean.hint(for: unknown, in: columns) + "; the columns are \(columns.joined(separator: ","))")
        }
        guard mapping["email"] != nil else {
            throw Problem(description: "map the export's email column (--map email=COLUMN): people are matched by email")
        }
        let exportRows = CSVReader.rows(export)
        guard let exportHeader = exportRows.first?.map({ $0.text.trimmingCharacters(in: .whitespaces) }) else {
            throw Problem(description: "the export is empty")
        }
        for (column, source) in mapping.sorted(by: { $0.key < $1.key }) where !exportHeader.contains(source) {
            throw Problem(description: "the export has no column '\(source)' (for \(column))" + DidYouMean.hint(for: source, in: exportHeader) + "; its columns are \(exportHeader.joined(separator: ", "))")
        }

        // The roster as rows of column → value, in its order.
        var rows: [[String: String]] = []
        if let roster {
            let parsed = CSVReader.rows(roster)
            if let header = parsed.first?.map({ $0.text.trimmingCharacters(in: .whitespaces).lowercased() }) {
                for row in parsed.dropFirst() {
                    var values: [String: String] = [:]
                    for (position, cell) in row.enumerated() where position < header.count { values[header[position]] = cell.text.trimmingCharacters(in: .whitespaces) }
                    rows.append(values)
                }
            }
        }
        var byEmail: [String: Int] = [:]
        for (index, row) in rows.enumerated() { byEmail[(row["email"] ?? "").lowercased()] = byEmail[(row["email"] ?? "").lowercased()] ?? index }

        var seen: Set<String> = []
        for row in exportRows.dropFirst() {
            var values: [String: String] = [:]
            for (column, source) in mapping {
                guard let position = exportHeader.firstIndex(of: source), position < row.count else { continue }
                values[column] = row[position].text.trimmingCharacters(in: .whitespaces)
            }
            let email = values["email"] ?? ""
            guard !email.isEmpty else {
                skippedLines.append(row.first?.line ?? 0)
                continue
            }
            let key = email.lowercased()
            seen.insert(key)
            if let index = byEmail[key] {
                let fields = mapping.keys.sorted { columns.firstIndex(of: $0)! < columns.firstIndex(of: $1)! }.compactMap { column -> Field? in
                    let old = rows[index][column] ?? "", new = values[column] ?? ""
                    return old == new ? nil : Field(column: column, old: old, new: new)
                }
                guard !fields.isEmpty else { continue }
                for field in fields { rows[index][field.column] = field.new }
                let change = Change(email: email, name: rows[index]["name"] ?? "", fields: fields)
                if fields.contains(where: { $0.column == "end" && !$0.new.isEmpty }) { leavers.append(change) } else { changed.append(change) }
            } else {
                if values["policies_required"] == nil { values["policies_required"] = "all" }
                rows.append(values)
                byEmail[key] = rows.count - 1
                joiners.append(Change(email: email, name: values["name"] ?? "", fields: []))
            }
        }
        missingFromExport = rows.filter { !seen.contains(($0["email"] ?? "").lowercased()) && ($0["end"] ?? "").isEmpty }.map { $0["email"] ?? "" }
        // Written with LF line ends so the roster diffs line by line in git.
        let lines = [columns.joined(separator: ",")] + rows.map { row in columns.map { CSV.cell(row[$0] ?? "") }.joined(separator: ",") }
        self.roster = lines.joined(separator: "\n") + "\n"
    }
}

import Foundation

public enum CoverageFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// Renders a coverage matrix for people, programs or spreadsheets.
public enum CoverageReporter {
    public static func render(_ matrix: CoverageMatrix, format: CoverageFormat, key: String, style: TextStyle = TextStyle(color: false)) -> String {
        switch format {
        case .text: text(matrix, style: style)
        case .json: json(matrix, key: key)
        case .csv: csv(matrix)
        }
    }

    static func label(_ status: CoverageStatus, style: TextStyle) -> String {
        let padded = status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        switch status {
        case .covered: return style.paint(padded, "32")
        case .planned: return style.paint(padded, "33")
        case .uncovered: return style.paint(padded, "1;31")
        case .excluded, .outOfScope: return style.dim(padded)
        }
    }

    public static func text(_ matrix: CoverageMatrix, style: TextStyle) -> String {
        var lines = [style.bold(matrix.title)]
        let width = max(6, matrix.rows.map(\.id.count).max() ?? 6)
        for row in matrix.rows {
            var detail: String
            switch row.status {
            case .excluded: detail = "excluded: \(row.reason ?? "")"
            case .outOfScope: detail = ""
            default: detail = row.controls.map { $0.status == .implemented ? $0.id : "\($0.id) (\($0.status?.rawValue ?? "no status"))" }.joined(separator: ", ")
            }
            if detail.isEmpty, row.status == .uncovered { detail = "no control" }
            if !row.risks.isEmpty { detail += " · risks " + row.risks.joined(separator: ", ") }
            if !row.vendors.isEmpty { detail += " · vendors " + row.vendors.joined(separator: ", ") }
            lines.append("\(row.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(label(row.status, style: style)) \(style.dim(row.topic))\(detail.isEmpty ? "" : " — " + detail)")
        }
        let counts = CoverageStatus.allCases.map { "\(matrix.count($0)) \($0.rawValue)" }
        lines.append(counts.joined(separator: ", ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ matrix: CoverageMatrix, key: String) -> String {
        let rows: [JSONValue] = matrix.rows.map { row in
            var members: [(String, JSONValue)] = [("id", .string(row.id))]
            members.append(("category", .optional(row.category)))
            members.append(("topic", .string(row.topic)))
            members.append(("status", .string(row.status.rawValue)))
            members.append(("controls", .array(row.controls.map { control in
                .object([("id", .string(control.id)), ("title", .string(control.title)), ("status", .optional(control.status?.rawValue)), ("file", .string(control.file))])
            })))
            if let reason = row.reason { members.append(("reason", .string(reason))) }
            if !row.risks.isEmpty { members.append(("risks", .array(row.risks.map(JSONValue.string)))) }
            if !row.vendors.isEmpty { members.append(("vendors", .array(row.vendors.map(JSONValue.string)))) }
            return .object(members)
        }
        var summary: [(String, JSONValue)] = []
        for status in CoverageStatus.allCases { summary.append((status.rawValue, .int(matrix.count(status)))) }
        return JSONValue.object([(key, .array(rows)), ("summary", .object(summary))]).serialized() + "\n"
    }

    public static func csv(_ matrix: CoverageMatrix) -> String {
        CSV.document(
            header: ["id", "category", "topic", "status", "controls", "reason", "risks", "vendors"],
            rows: matrix.rows.map { row in
                [row.id, row.category ?? "", row.topic, row.status.rawValue, row.controls.map(\.id).joined(separator: " "), row.reason ?? "",
                 row.risks.joined(separator: " "), row.vendors.joined(separator: " ")]
            })
    }
}

public enum CatalogReporter {
    public static func text(_ catalog: Catalog) -> String {
        let width = max(6, catalog.entries.map(\.id.count).max() ?? 6)
        var lines = ["\(catalog.name) (\(catalog.entries.count))"]
        var category: String??
        for entry in catalog.entries {
            if category != .some(entry.category) {
                category = .some(entry.category)
                if let name = entry.category {
                    lines.append("")
                    lines.append(TrustServicesCategory(rawValue: name)?.title ?? name)
                }
            }
            lines.append("  \(entry.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(entry.topic)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ catalog: Catalog) -> String {
        JSONValue.array(catalog.entries.map { entry in
            .object([("id", .string(entry.id)), ("category", .optional(entry.category)), ("topic", .string(entry.topic))])
        }).serialized() + "\n"
    }
}

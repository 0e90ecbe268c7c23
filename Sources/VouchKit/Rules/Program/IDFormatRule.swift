struct IDFormatRule: ProgramRule {
    static let description = RuleDescription(
        identifier: "id-format", severity: .error,
        summary: "Ids follow the program's conventions",
        rationale: "Control, objective and CUEC ids are upper case with a number (CM-01, CO-03, CUEC-02); policy ids are lower-case words joined by hyphens (change-management). Predictable ids sort well and are easy to reference.",
        passingExamples: [.control("id: ACCESS-12\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC6.1]")],
        failingExamples: [
            .control("id: ↓cm 1\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC6.1]"),
            .program(["policies/p.md": "---\nid: ↓Change_Management\ntitle: P\nowner: O\napprovers: [a@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n"]),
        ])

    /// `CM-01`, `ACCESS-12`, `CUEC-3`: upper-case letters and digits, hyphen-joined, ending in a number.
    static func isNumberedID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first?.first, first.isASCII, first.isUppercase,
              let last = parts.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } }
    }

    /// `change-management`: lower-case words and digits joined by single hyphens.
    static func isWordID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = id.first, first.isASCII, first.isLowercase else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }

    func check(_ context: LintContext) -> [Finding] {
        DefinedID.all(in: context.program).compactMap { defined in
            let id = defined.id.value
            if defined.numbered, !Self.isNumberedID(id) {
                return finding(at: defined.id.location, "\(defined.kind) id '\(id)' should be upper-case letters and a number joined by hyphens, like '\(suggestNumbered(id))'")
            }
            if !defined.numbered, !Self.isWordID(id) {
                return finding(at: defined.id.location, "policy id '\(id)' should be lower-case words joined by hyphens, like '\(suggestWords(id))'")
            }
            return nil
        }
    }

    private func suggestNumbered(_ id: String) -> String {
        let cleaned = id.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let joined = String(cleaned).split(separator: "-").joined(separator: "-")
        return Self.isNumberedID(joined) ? joined : "CM-01"
    }

    private func suggestWords(_ id: String) -> String {
        var words = ""
        for character in id {
            if character.isUppercase, !words.isEmpty, words.last != "-" { words.append("-") }
            words.append(character.isLetter || character.isNumber ? Character(character.lowercased()) : "-")
        }
        let joined = words.split(separator: "-").joined(separator: "-")
        return Self.isWordID(joined) ? joined : "change-management"
    }
}

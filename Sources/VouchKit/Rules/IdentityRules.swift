/// Ids name controls, policies, objectives and CUECs everywhere: in references, the control
/// matrix, evidence and the auditor's package. They must be unique and well-formed.
public enum IdentityRules {
    public static let duplicate = RuleDescription(
        identifier: "id-duplicate", severity: .error,
        summary: "Ids are unique across the program",
        rationale: "References, the control matrix and the auditor's sample all go by id; two documents with one id make every one of them ambiguous.",
        passingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nA.\n",
            "controls/b.md": "---\nid: CM-02\ntitle: B\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nB.\n",
        ])],
        failingExamples: [.program([
            "controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nA.\n",
            "controls/b.md": "---\nid: ↓CM-01\ntitle: B\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nB.\n",
        ])])

    public static let format = RuleDescription(
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
}

/// The ids a program defines, with their kind, for the identity rules.
private struct DefinedID {
    var kind: String
    var id: Located<String>
    var numbered: Bool
}

private func definedIDs(_ program: Program) -> [DefinedID] {
    var ids: [DefinedID] = []
    ids += program.controls.map { DefinedID(kind: "control", id: $0.id, numbered: true) }
    ids += program.objectives.map { DefinedID(kind: "objective", id: $0.id, numbered: true) }
    ids += program.policies.map { DefinedID(kind: "policy", id: $0.id, numbered: false) }
    ids += program.systemSections.flatMap(\.userEntityControls).map { DefinedID(kind: "CUEC", id: $0.id, numbered: true) }
    return ids.filter { !$0.id.value.isEmpty }
}

struct DuplicateIDRule: ProgramRule {
    var description: RuleDescription { IdentityRules.duplicate }

    func check(_ context: LintContext) -> [Finding] {
        var first: [String: DefinedID] = [:]
        var findings: [Finding] = []
        for defined in definedIDs(context.program).sorted(by: { $0.id.location < $1.id.location }) {
            if let earlier = first[defined.id.value] {
                findings.append(description.finding(
                    at: defined.id.location,
                    "id '\(defined.id.value)' is already used by the \(earlier.kind) in \(earlier.id.location.file):\(earlier.id.location.line); give this \(defined.kind) its own id"))
            } else {
                first[defined.id.value] = defined
            }
        }
        return findings
    }
}

struct IDFormatRule: ProgramRule {
    var description: RuleDescription { IdentityRules.format }

    func check(_ context: LintContext) -> [Finding] {
        definedIDs(context.program).compactMap { defined in
            let id = defined.id.value
            if defined.numbered, !IdentityRules.isNumberedID(id) {
                return description.finding(at: defined.id.location, "\(defined.kind) id '\(id)' should be upper-case letters and a number joined by hyphens, like '\(suggestNumbered(id))'")
            }
            if !defined.numbered, !IdentityRules.isWordID(id) {
                return description.finding(at: defined.id.location, "policy id '\(id)' should be lower-case words joined by hyphens, like '\(suggestWords(id))'")
            }
            return nil
        }
    }

    private func suggestNumbered(_ id: String) -> String {
        let cleaned = id.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let joined = String(cleaned).split(separator: "-").joined(separator: "-")
        return IdentityRules.isNumberedID(joined) ? joined : "CM-01"
    }

    private func suggestWords(_ id: String) -> String {
        var words = ""
        for character in id {
            if character.isUppercase, !words.isEmpty, words.last != "-" { words.append("-") }
            words.append(character.isLetter || character.isNumber ? Character(character.lowercased()) : "-")
        }
        let joined = words.split(separator: "-").joined(separator: "-")
        return IdentityRules.isWordID(joined) ? joined : "change-management"
    }
}

/// Rules reported while files are read: the file itself, its front matter, its YAML, its schema.

public enum FileRules {
    public static let encoding = RuleDescription(
        identifier: "file-encoding", severity: .error,
        summary: "Program files are UTF-8 text",
        rationale: "A file that is binary or in another encoding cannot be read reliably by the linter, by reviewers in a diff, or by the export that the auditor receives.",
        passingExamples: [.control("id: CM-01\ntitle: Café access is reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC6.1]")],
        failingExamples: [.program(["controls/example.md": "---\nid: CM-01\u{0}\n---\n"])])

    public static let tooLarge = RuleDescription(
        identifier: "file-too-large", severity: .error,
        summary: "Program files stay under 1 MiB",
        rationale: "Controls and policies are pages of prose. A huge file is almost always a mistake (a log or export saved in the wrong folder) and would slow every pre-commit run.",
        passingExamples: [.control("id: CM-01\ntitle: Small\nstatus: implemented\nowner: Ops\ncriteria: [CC6.1]")],
        failingExamples: [.program(["controls/huge.md": "---\nid: CM-01\n---\n" + String(decoding: [UInt8](repeating: UInt8(ascii: "x"), count: SourceText.maximumSize), as: UTF8.self)])])

    public static let symlink = RuleDescription(
        identifier: "file-symlink", severity: .error,
        summary: "Symbolic links in the program stay inside the repository",
        rationale: "The program is evidence: what the auditor sees must be what is committed. A link to a file outside the repository could change without any commit, and a dangling link hides a missing file.")
}

public enum FrontMatterRules {
    public static let missing = RuleDescription(
        identifier: "front-matter-missing", severity: .error,
        summary: "Every program document starts with a YAML front matter block",
        rationale: "The front matter carries the fields (id, criteria, owner, status…) that coverage, the control matrix and the export are built from; without it the document is invisible to them.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [
            .program(["controls/example.md": "↓# Changes are reviewed\n\nEvery change is reviewed.\n"]),
            .program(["controls/empty.md": "↓"]),
        ])

    public static let unterminated = RuleDescription(
        identifier: "front-matter-unterminated", severity: .error,
        summary: "The front matter block is closed by a line '---'",
        rationale: "Without the closing line, the narrative would be read as YAML: the fields cannot be told apart from the text.",
        failingExamples: [.program(["controls/example.md": "↓---\nid: CM-01\ntitle: Changes are reviewed\n\nEvery change is reviewed.\n"])])

    public static let notMapping = RuleDescription(
        identifier: "front-matter-not-mapping", severity: .error,
        summary: "The front matter is a mapping of fields",
        rationale: "A list or a bare value has no field names, so nothing in it can be checked or used.",
        failingExamples: [
            .program(["controls/example.md": "---\n↓- id: CM-01\n- title: Changes are reviewed\n---\nText.\n"]),
            .program(["controls/example.md": "↓---\n---\nText.\n"]),
        ])
}

public enum YAMLRules {
    public static let syntax = RuleDescription(
        identifier: "yaml-syntax", severity: .error,
        summary: "Front matter and configuration are valid YAML",
        rationale: "A syntax error makes the whole file unreadable; the position points at where YAML gave up, which is usually at or just after the mistake.",
        passingExamples: [.control("id: CM-01\ntitle: \"Changes: reviewed\"\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.control("id: CM-01\ntitle: Changes↓: reviewed\nstatus: implemented\ncriteria: [CC8.1]")])

    public static let duplicateKey = RuleDescription(
        identifier: "yaml-duplicate-key", severity: .error,
        summary: "A key appears once per mapping",
        rationale: "YAML tools disagree on which of two equal keys wins; a reviewer may read the first while the tool uses the second.",
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\n↓status: planned\ncriteria: [CC8.1]")])

    public static let alias = RuleDescription(
        identifier: "yaml-alias", severity: .error,
        summary: "No YAML anchors or aliases in program files",
        rationale: "Aliases let a few lines expand into gigabytes (the 'billion laughs' attack) and make a file say more than it shows. Program files are short; write values out.",
        passingExamples: [.control("id: CM-01\ntitle: Backups *and* restores\nstatus: implemented\nowner: Ops\ncriteria: [A1.2]", body: "* a bullet that starts with a star")],
        failingExamples: [.control("id: CM-01\ntitle: ↓&t Backups\nstatus: implemented\nowner: *t\ncriteria: [A1.2]")])

    public static let tab = RuleDescription(
        identifier: "yaml-tab", severity: .error,
        summary: "YAML is indented with spaces, never tabs",
        rationale: "YAML forbids tabs for indentation; editors often insert them silently, and the parser's own message does not say what is wrong.",
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nevidence:\n↓\t- Pull requests")])
}

public enum SchemaRules {
    public static let missing = RuleDescription(
        identifier: "field-missing", severity: .error,
        summary: "Required fields are present and not empty",
        rationale: "Each kind of document has fields the program cannot do without: a control needs an id, a title and a status; a policy an id, title, approvers, version and effective date.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [
            .program(["controls/example.md": "↓---\nid: CM-01\ntitle: Changes are reviewed\nowner: Ops\ncriteria: [CC8.1]\n---\nText.\n"]),
            .control("id: CM-01\n↓title:\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]"),
        ])

    public static let type = RuleDescription(
        identifier: "field-type", severity: .error,
        summary: "Fields have the expected type",
        rationale: "Lists stay lists and dates stay dates, so that every tool reading the program (and every person) can rely on one shape per field.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [
            .control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: ↓CC8.1"),
            .program(["policies/p.md": "---\nid: p\ntitle: P\nowner: O\napprovers: [\"A <a@example.com>\"]\nversion: \"1\"\neffective: ↓next week\n---\nText.\n"]),
        ])

    public static let enumeration = RuleDescription(
        identifier: "field-value", severity: .error,
        summary: "Fields with a closed set of values use one of them",
        rationale: "Status, frequency, kind and automation drive coverage and the control matrix; a misspelt value would silently count as nothing.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nfrequency: per-change\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: ↓implmented\nowner: Ops\ncriteria: [CC8.1]")])

    public static let unknown = RuleDescription(
        identifier: "field-unknown", severity: .error,
        summary: "No fields outside the schema",
        rationale: "An unknown field is usually a typo of a known one ('critera'), whose value would otherwise be silently ignored.",
        passingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.control("id: CM-01\ntitle: Changes are reviewed\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n↓critera: [CC6.1]")])
}

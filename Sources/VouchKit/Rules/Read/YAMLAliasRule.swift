struct YAMLAliasRule: ReadRule {
    static let description = RuleDescription(
        identifier: "yaml-alias", severity: .error,
        summary: "No YAML anchors or aliases in program files",
        rationale: "Aliases let a few lines expand into gigabytes (the 'billion laughs' attack) and make a file say more than it shows. Program files are short; write values out.",
        passingExamples: [.control("id: CM-01\ntitle: Backups *and* restores\nstatus: implemented\nowner: Ops\ncriteria: [A1.2]", body: "* a bullet that starts with a star")],
        failingExamples: [.control("id: CM-01\ntitle: ↓&t Backups\nstatus: implemented\nowner: *t\ncriteria: [A1.2]")])
}

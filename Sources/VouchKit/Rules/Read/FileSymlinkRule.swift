struct FileSymlinkRule: ReadRule {
    static let description = RuleDescription(
        identifier: "file-symlink", severity: .error,
        summary: "Symbolic links in the program stay inside the repository",
        rationale: "The program is evidence: what the auditor sees must be what is committed. A link to a file outside the repository could change without any commit, and a dangling link hides a missing file.")
}

struct ChangeSensitivePathRule: ChangeRule {
    static let description = RuleDescription(
        identifier: "change-sensitive-path", severity: .note, scope: .change,
        summary: "Changes to sensitive files are flagged for attention",
        rationale: "Some files change the controls themselves: .mailmap (who is who), vouch.yml and the program folders, CODEOWNERS (who must review), CI workflows (what runs on every change). Such changes are listed so the control owner can look at each; they do not change the exit status. The files change_management.allowed_signers and keyring name (whose keys are trusted to sign) are on it too, and change_management.sensitive_paths adds globs to the list.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", paths: ["src/billing/rounding.swift"]))],
        failingExamples: [.change(ChangeExample(message: "Run tests on every push\n\nReviewed-by: Carol Checker <carol@example.com>\n", paths: [".github/workflows/ci.yml"]))])

    /// The built-in sensitive paths; program folders are relative to the program's folder, and
    /// left out when the program lives outside the repository (`programPrefix` nil).
    static func builtInPaths(programPrefix: String?) -> [String] {
        [".mailmap", "CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS",
         ".github/workflows/**", ".github/actions/**", ".gitlab-ci.yml", ".circleci/**", "Jenkinsfile",
         "azure-pipelines.yml", "bitbucket-pipelines.yml", ".buildkite/**", ".travis.yml"]
            + (programPrefix.map { prefix in ([Configuration.fileName] + ProgramLayout.folders).map { prefix + $0 } } ?? [])
    }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { !change.sensitivePaths.isEmpty }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let shown = change.sensitivePaths.prefix(5).joined(separator: ", ") + (change.sensitivePaths.count > 5 ? " and \(change.sensitivePaths.count - 5) more" : "")
        return "\(change.shortID) changes sensitive files (\(shown)); check that the control owner approved it"
    }
}

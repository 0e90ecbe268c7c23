/// The CI system a command runs in, told apart by the variables each one sets, so errors can
/// give the fix in that system's own terms.
public enum CIEnvironment: Sendable, Equatable {
    case githubActions
    case gitlabCI
    /// Another CI system (`CI` is set), or a developer's machine.
    case other

    public static func detect(_ environment: [String: String]) -> CIEnvironment {
        if environment["GITHUB_ACTIONS"] == "true" { return .githubActions }
        if environment["GITLAB_CI"] == "true" { return .gitlabCI }
        return .other
    }

    /// How to get the whole history into a shallow clone (or one that lacks commits), in this
    /// system's terms; elsewhere, for every system at once.
    public var unshallowAdvice: String {
        switch self {
        case .githubActions:
            "GitHub Actions checks out one commit by default: set 'fetch-depth: 0' under 'with:' of the actions/checkout step"
        case .gitlabCI:
            "GitLab CI clones 20 commits by default: set the variable GIT_DEPTH: 0 for this job (variables: { GIT_DEPTH: 0 })"
        case .other:
            "fetch the whole history: 'git fetch --unshallow' (GitHub Actions: 'fetch-depth: 0' on actions/checkout; GitLab CI: 'GIT_DEPTH: 0')"
        }
    }
}

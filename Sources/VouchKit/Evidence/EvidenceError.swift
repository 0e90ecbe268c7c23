/// Why a change population cannot be produced. Each case says what is wrong and how to fix it;
/// the command line exits with status 2. A partial population is never presented as complete.
public enum EvidenceError: VouchError, Sendable, CustomStringConvertible {
    /// The repository is a shallow clone: history stops at the listed commits.
    case shallowClone(commonDirectory: String, boundaries: Int, ci: CIEnvironment)
    /// A commit or tree the walk needs is not in the repository.
    case incompleteHistory(at: String, missing: String, detail: String)
    case unknownBranch(String, known: [String])
    case detachedHead(commit: String)
    case noPeriod
    case invalidRange(String, reason: String)
    /// A range whose first-parent walk did not end where it should have.
    case walkEndedEarly(range: String, at: String)
    case git(GitError)
    /// `vouch acknowledge` named a policy the program does not have.
    case unknownPolicy(String, known: [String])
    /// A policy with no committed version on the branch, so there is no version to acknowledge.
    case policyUncommitted(String, path: String)

    static let fetchAll = CIEnvironment.other.unshallowAdvice

    public var description: String {
        switch self {
        case .shallowClone(let folder, let boundaries, let ci):
            return "the repository is a shallow clone (\(folder)/shallow lists \(boundaries) cut-off commit\(boundaries == 1 ? "" : "s")), so its history is incomplete and no complete change population can be read; \(ci.unshallowAdvice)"
        case .incompleteHistory(let commit, let missing, let detail):
            return "the history is incomplete: \(commit) needs \(missing), which is not in the repository (\(detail)); \(Self.fetchAll), or run 'git fsck' if the repository is damaged"
        case .unknownBranch(let name, let known):
            return "no branch '\(name)' in the repository" + (known.isEmpty ? "" : "; branches: \(known.joined(separator: ", "))") + DidYouMean.hint(for: name, in: known) + "; set change_management.branch in vouch.yml or pass --branch"
        case .detachedHead(let commit):
            return "HEAD is detached at \(commit), so there is no branch to read the changes of; pass --branch NAME (or set change_management.branch in vouch.yml)"
        case .noPeriod:
            return "no report period: vouch.yml has no reports.soc2.period or reports.soc1.period; add one, or pass --since and --until (or --range A..B)"
        case .invalidRange(let range, let reason):
            return "invalid --range '\(range)': \(reason); write it as OLD..NEW, e.g. v1.0..main"
        case .walkEndedEarly(let range, let commit):
            return "the first-parent walk of \(range) ended at \(commit) before reaching the start of the range; the history is incomplete: \(Self.fetchAll)"
        case .git(let error):
            return error.description
        case .unknownPolicy(let id, let known):
            return "no policy '\(id)' in the program" + DidYouMean.hint(for: id, in: known) + (known.isEmpty ? "" : "; policies: \(known.joined(separator: ", "))")
        case .policyUncommitted(let id, let path):
            return "policy '\(id)' (\(path)) has no committed version on the change-management branch; commit it (and have it approved) before acknowledging it"
        }
    }
}

extension GitError {
    /// The hash mismatch inside `error`, if that is what it is.
    public static func hashMismatch(in error: any Error) -> GitError? {
        switch error {
        case let error as GitError: error.isHashMismatch ? error : nil
        case EvidenceError.git(let error): error.isHashMismatch ? error : nil
        default: nil
        }
    }
}

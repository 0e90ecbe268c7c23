/// What HEAD points at.
public enum HeadState: Sendable, Equatable {
    /// On a branch with at least one commit.
    case branch(name: String, commit: ObjectID)
    /// On a branch that has no commit yet (a new repository).
    case unborn(branch: String)
    /// Detached at a commit.
    case detached(commit: ObjectID)
}

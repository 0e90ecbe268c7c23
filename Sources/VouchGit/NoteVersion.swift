/// One version of one note, as written by one commit on a notes reference.
public struct NoteVersion: Sendable, Hashable {
    public var object: ObjectID
    public var blob: ObjectID
    /// Who wrote the notes commit, and when.
    public var recorded: GitSignature
}

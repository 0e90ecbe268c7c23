/// A notes reference read once: which objects have a note, and where each note's text is.
///
/// Listing the notes tree up front turns "does this commit have a note?" into a dictionary
/// look-up, instead of a path search through the fan-out tree for every commit of a walk.
public struct NoteIndex: Sendable {
    /// The notes reference, e.g. `refs/notes/vouch`.
    public let reference: String
    /// The commit the reference pointed at when read, nil when there is no such reference.
    public let tip: ObjectID?
    /// Annotated object → blob holding its note.
    public let blobs: [ObjectID: ObjectID]

    public var isEmpty: Bool { blobs.isEmpty }
}

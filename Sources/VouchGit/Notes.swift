internal import CLibGit2
import VouchCore
import Foundation

extension Repository {
    /// Every note on `reference` as of the notes commit `tip` (nil: the reference does not
    /// exist, no notes).
    ///
    /// Lists the notes tree itself, as `git notes list` does: a note is a file whose path, fan-out
    /// slashes left out, spells an object id in hex. (Through `git_note_foreach` this cost tens
    /// of thousands of instructions a note.)
    public func noteIndex(_ reference: String, at tip: ObjectID?) throws -> NoteIndex {
        guard let tip else { return NoteIndex(reference: reference, tip: nil, blobs: [:]) }
        var blobs: [ObjectID: ObjectID] = [:]
        try collectNotes(in: commit(tip).treeID, digits: [], into: &blobs)
        return NoteIndex(reference: reference, tip: tip, blobs: blobs)
    }

    private func collectNotes(in treeID: ObjectID, digits: [UInt8], into blobs: inout [ObjectID: ObjectID]) throws {
        let tree = try self.tree(treeID)
        for slot in tree.slots {
            let path = digits + tree.nameBytes(slot)
            guard path.count <= ObjectID.hexLength, path.allSatisfy(ObjectID.isHexDigit) else { continue }
            if slot.isTree {
                if path.count < ObjectID.hexLength { try collectNotes(in: tree.entryID(slot), digits: path, into: &blobs) }
            } else if path.count == ObjectID.hexLength, let annotated = path.withUnsafeBytes({ ObjectID(hexDigits: $0) }) {
                blobs[annotated] = tree.entryID(slot)
            }
        }
    }

    /// The text of the note on `reference` for `object`, nil when there is none.
    public func note(_ reference: String, for object: ObjectID) throws -> String? {
        var note: OpaquePointer?
        var oid = object.raw
        let code = git_note_read(&note, handle, reference, &oid)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "reading the note on \(reference) for \(object)")
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) } ?? ""
    }

    /// Writes `text` as the note on `reference` for `object`, replacing any note there, as a
    /// new commit on the notes reference signed by `identity` now. The annotated object and
    /// its history are not touched; the notes reference keeps its own history.
    @discardableResult
    public func writeNote(_ reference: String, for object: ObjectID, text: String, by identity: Identity) throws -> ObjectID {
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(git_signature_now(&signature, identity.name, identity.email), "preparing the signature \(identity)")
        defer { git_signature_free(signature) }
        var created = git_oid()
        var oid = object.raw
        try GitError.check(git_note_create(&created, handle, reference, signature, signature, &oid, text, 1), "writing the note on \(reference) for \(object)")
        return ObjectID(created)
    }

    /// For each note version written on `reference` up to the notes commit `tip` (nil: none):
    /// the annotated object, the note's blob, and the time of the notes commit that wrote it,
    /// oldest first.
    ///
    /// This is how Vouch knows when an approval was recorded (e.g. within the days allowed after
    /// an emergency change): the note's text carries no date one could trust more.
    public func noteHistory(_ reference: String, upTo tip: ObjectID?) throws -> [NoteVersion] {
        guard let tip else { return [] }
        let walk = try RevisionWalk(repository: self, from: tip, firstParentOnly: false, reverse: true)
        let trees = TreeComparer(repository: self)
        var versions: [NoteVersion] = []
        while let id = try walk.next() {
            let notesCommit = try commit(id)
            let parentTree = try notesCommit.parentIDs.first.map { try commit($0).treeID }
            let recorded = notesCommit.committer
            for (path, blob) in try trees.changedEntries(from: parentTree, to: notesCommit.treeID) {
                // Notes are stored under the annotated id, split into fan-out folders ("ab/cdef…").
                guard let blob, let annotated = Self.annotatedObject(notePath: path) else { continue }
                versions.append(NoteVersion(object: annotated, blob: blob, recorded: recorded))
            }
        }
        return versions
    }
}

extension Repository {
    /// The object a note's path names: its hex digits with the fan-out slashes left out.
    static func annotatedObject(notePath path: String) -> ObjectID? {
        let digits = path.utf8.filter { $0 != UInt8(ascii: "/") }
        guard digits.count == ObjectID.hexLength else { return nil }
        return digits.withUnsafeBytes { ObjectID(hexDigits: $0) }
    }
}

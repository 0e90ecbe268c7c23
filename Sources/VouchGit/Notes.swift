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

    /// Writes every note of `texts` (annotated object → full note text) on `reference` in one
    /// notes commit signed by `identity` now, on top of the notes as of `expectedTip`; notes of
    /// other objects are kept. Nil when every text is already the note there (no commit is made).
    ///
    /// The reference moves only if it still points at `expectedTip`, so a concurrent writer is
    /// never overwritten, and a run stopped before this call leaves the reference as it was: the
    /// notes of one run land together. Trees with more than 256 notes are fanned out as git does
    /// (`ab/cdef…`). From `packThreshold` new notes on, the objects are written as one pack, as
    /// git keeps what a fetch brings (`transfer.unpackLimit`, 100 objects): reading ten thousand
    /// loose objects back, one file each, costs more than reading the notes themselves. The pack
    /// is in place before the reference moves.
    public func writeNotes(_ reference: String, _ texts: [ObjectID: String], expectedTip: ObjectID?, message: String, by identity: Identity,
                           packThreshold: Int = 100) throws -> ObjectID? {
        var blobs = try noteIndex(reference, at: expectedTip).blobs
        let writer = texts.count >= packThreshold ? try PackWriter(self) : nil
        let target = writer?.repository ?? self
        var changed = false
        for (object, text) in texts {
            var blob = git_oid()
            let bytes = Array(text.utf8)
            try GitError.check(git_blob_create_from_buffer(&blob, target.handle, bytes, bytes.count), "writing a note for \(object)")
            let id = ObjectID(blob)
            if blobs[object] != id {
                blobs[object] = id
                changed = true
            }
        }
        guard changed else { return nil }
        let tree = try target.writeNotesTree(blobs)
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(git_signature_now(&signature, identity.name, identity.email), "preparing the signature \(identity)")
        defer { git_signature_free(signature) }
        var treeObject: OpaquePointer?
        var treeOID = tree.raw
        try GitError.check(git_tree_lookup(&treeObject, target.handle, &treeOID), "reading the notes tree")
        defer { git_tree_free(treeObject) }
        var parent: OpaquePointer?
        if let expectedTip {
            var tipOID = expectedTip.raw
            try GitError.check(git_commit_lookup(&parent, target.handle, &tipOID), "reading the notes commit \(expectedTip)")
        }
        defer { if parent != nil { git_commit_free(parent) } }
        var created = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        let moved = "writing the notes commit on \(reference) (another writer may have moved it; run again)"
        guard let writer else {
            // libgit2 refuses a first parent that is not the reference's current tip.
            let code = parents.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(&created, handle, reference, signature, signature, nil, message, treeObject, buffer.count, buffer.baseAddress)
            }
            try GitError.check(code, moved)
            return ObjectID(created)
        }
        let code = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&created, writer.repository.handle, nil, signature, signature, nil, message, treeObject, buffer.count, buffer.baseAddress)
        }
        try GitError.check(code, "writing the notes commit on \(reference)")
        try writer.finish()
        var ref: OpaquePointer?
        let summary = (expectedTip == nil ? "commit (initial): " : "commit: ") + (message.split(separator: "\n").first.map(String.init) ?? "")
        if let expectedTip {
            var tipOID = expectedTip.raw
            try GitError.check(git_reference_create_matching(&ref, handle, reference, &created, 1, &tipOID, summary), moved)
        } else {
            try GitError.check(git_reference_create(&ref, handle, reference, &created, 0, summary), moved)
        }
        git_reference_free(ref)
        return ObjectID(created)
    }

    private func writeNotesTree(_ blobs: [ObjectID: ObjectID]) throws -> ObjectID {
        func build(_ entries: [(name: String, id: ObjectID, isTree: Bool)]) throws -> ObjectID {
            var builder: OpaquePointer?
            try GitError.check(git_treebuilder_new(&builder, handle, nil), "building the notes tree")
            defer { git_treebuilder_free(builder) }
            for entry in entries {
                var oid = entry.id.raw
                try GitError.check(git_treebuilder_insert(nil, builder, entry.name, &oid, entry.isTree ? GIT_FILEMODE_TREE : GIT_FILEMODE_BLOB), "building the notes tree")
            }
            var written = git_oid()
            try GitError.check(git_treebuilder_write(&written, builder), "writing the notes tree")
            return ObjectID(written)
        }
        guard blobs.count > 256 else {
            return try build(blobs.map { (name: $0.key.description, id: $0.value, isTree: false) })
        }
        var fanned: [String: [(name: String, id: ObjectID, isTree: Bool)]] = [:]
        for (object, blob) in blobs {
            let hex = object.description
            fanned[String(hex.prefix(2)), default: []].append((name: String(hex.dropFirst(2)), id: blob, isTree: false))
        }
        return try build(fanned.map { (name: $0.key, id: try build($0.value), isTree: true) })
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

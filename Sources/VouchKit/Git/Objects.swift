import CLibGit2
import Foundation

/// A person and time as recorded in a commit (author or committer).
public struct GitSignature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Offset from UTC in minutes, as recorded.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var identity: Identity { Identity(name: name, email: email) }
}

/// A commit, parsed from its raw object: `tree`, `parent`, `author` and `committer` lines and
/// other headers, a blank line, then the message.
///
/// A value (the object's bytes and where its parts are), so commits can be handed to other
/// threads; author, committer and message are decoded only when asked for.
public struct Commit: Sendable {
    public let id: ObjectID
    public let treeID: ObjectID
    public let parentIDs: [ObjectID]
    /// The committer time alone (seconds since 1970 UTC), read when the commit is parsed:
    /// walks filter on it before anything else.
    public let committerTime: Int64
    private let bytes: [UInt8]
    private let authorLayout: SignatureLayout
    private let committerLayout: SignatureLayout
    private let encodingValue: Range<Int>?
    private let signatureValue: Range<Int>?
    /// Where the message starts; nil when the object has no blank line after its headers.
    private let messageStart: Int?

    /// Parses a commit object's content the way libgit2 does, with the same leniency: extra
    /// `author` lines are ignored, unknown headers skipped.
    init(id: ObjectID, bytes: [UInt8]) throws {
        self.id = id
        self.bytes = bytes
        let malformed = { (what: String) in
            GitError(code: GIT_EINVALID.rawValue, operation: "reading commit \(id)", message: "malformed commit: \(what)")
        }
        var cursor = 0
        /// The value of the header line at `cursor` named `name`, moving past the line.
        func header(_ name: StaticString) -> Range<Int>? {
            let length = name.utf8CodeUnitCount
            guard bytes.count - cursor > length, bytes[cursor + length] == 0x20,
                  bytes.withUnsafeBytes({ memcmp($0.baseAddress! + cursor, name.utf8Start, length) == 0 }) else { return nil }
            let start = cursor + length + 1
            let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
            cursor = min(end + 1, bytes.count)
            return start..<end
        }
        func objectID(_ value: Range<Int>) -> ObjectID? {
            bytes.withUnsafeBytes { ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: $0[value])) }
        }
        guard let tree = header("tree").flatMap(objectID) else { throw malformed("no tree") }
        treeID = tree
        var parents: [ObjectID] = []
        while let line = header("parent") {
            guard let parent = objectID(line) else { throw malformed("bad parent") }
            parents.append(parent)
        }
        parentIDs = parents
        guard let author = header("author") else { throw malformed("no author") }
        while header("author") != nil {}
        guard let committer = header("committer") else { throw malformed("no committer") }
        // Both are checked now, so that reading them later cannot fail; their text is only
        // decoded when asked for (on the judging threads of a walk).
        authorLayout = try SignatureLayout(bytes, author, commit: id)
        committerLayout = try SignatureLayout(bytes, committer, commit: id)
        committerTime = committerLayout.time

        // The other headers; continuation lines (starting with a space) belong to the one above.
        var encoding: Range<Int>?, signature: Range<Int>?
        var start: Int?
        while cursor < bytes.count {
            if bytes[cursor] == 0x0A {
                start = cursor + 1
                break
            }
            if let value = header("encoding") {
                encoding = value
            } else if let value = header("gpgsig") ?? header("gpgsig-sha256") {
                if signature == nil { signature = value }
            } else {
                cursor = (bytes.firstIndex(of: 0x0A, from: cursor) ?? bytes.count - 1) + 1
            }
        }
        encodingValue = encoding
        signatureValue = signature
        messageStart = start
    }

    public var author: GitSignature { authorLayout.signature(in: bytes) }

    public var committer: GitSignature { committerLayout.signature(in: bytes) }

    /// The message's bytes exactly as stored (any encoding), up to a NUL byte if it has one.
    public var rawMessage: [UInt8] {
        guard let messageStart, messageStart < bytes.count else { return [] }
        let end = bytes[messageStart...].firstIndex(of: 0) ?? bytes.count
        return Array(bytes[messageStart..<end])
    }

    /// The `encoding` header, when the commit declares one (absent means UTF-8).
    public var messageEncoding: String? { encodingValue.map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// The first line of the commit's signature (`gpgsig` or `gpgsig-sha256` header), e.g.
    /// `-----BEGIN PGP SIGNATURE-----`; nil for an unsigned commit.
    public var signatureArmor: String? { signatureValue.map { String(decoding: bytes[$0], as: UTF8.self) } }

}

/// Where the parts of a `Name <email> seconds ±hhmm` line are, read as libgit2 reads it: the
/// email is between the last `<` and the last `>`, a missing time is 0, a malformed or
/// out-of-range zone is UTC.
private struct SignatureLayout: Sendable {
    var name: Range<Int>
    var email: Range<Int>
    var time: Int64 = 0
    var offsetMinutes = 0

    init(_ bytes: [UInt8], _ value: Range<Int>, commit: ObjectID) throws {
        guard let open = Self.lastIndex(of: UInt8(ascii: "<"), in: bytes, value), let close = Self.lastIndex(of: UInt8(ascii: ">"), in: bytes, value), close > open else {
            throw GitError(code: GIT_EINVALID.rawValue, operation: "reading commit \(commit)", message: "malformed signature: no e-mail in '\(String(decoding: bytes[value], as: UTF8.self))'")
        }
        name = value.lowerBound..<open
        email = (open + 1)..<close
        var cursor = close + 2
        guard cursor < value.upperBound else { return }
        guard let (time, timeEnd) = Self.integer(bytes, from: cursor, to: value.upperBound) else {
            throw GitError(code: GIT_EINVALID.rawValue, operation: "reading commit \(commit)", message: "malformed signature: invalid Unix timestamp")
        }
        self.time = time
        cursor = timeEnd + 1
        guard cursor < value.upperBound else { return }
        let sign = bytes[cursor]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let (zone, _) = Self.integer(bytes, from: cursor + 1, to: value.upperBound) else { return }
        let hours = zone / 100, minutes = zone % 100
        if hours <= 14, minutes <= 59 { offsetMinutes = Int(hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1) }
    }

    func signature(in bytes: [UInt8]) -> GitSignature {
        GitSignature(
            name: Text.trimmed(bytes[name], dropping: Text.isSpace), email: Text.trimmed(bytes[email], dropping: Text.isSpace),
            time: time, offsetMinutes: offsetMinutes)
    }

    private static func lastIndex(of byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = range.upperBound
            while index > range.lowerBound {
                index -= 1
                if buffer[index] == byte { return index }
            }
            return nil
        }
    }

    /// A decimal number (after optional blanks and sign) and where it ends; nil without digits.
    private static func integer(_ bytes: [UInt8], from start: Int, to end: Int) -> (Int64, Int)? {
        var cursor = start
        while cursor < end, Text.isSpace(bytes[cursor]) { cursor += 1 }
        var negative = false
        if cursor < end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
            negative = bytes[cursor] == UInt8(ascii: "-")
            cursor += 1
        }
        let digitsStart = cursor
        var value: Int64 = 0
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = multiplied + Int64(bytes[cursor] - 0x30)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        return (negative ? -value : value, cursor)
    }
}

/// One entry of a tree: a file, a link, a subtree or a submodule.
public struct TreeEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case blob, tree, commit, other }

    public var name: String
    public var id: ObjectID
    public var kind: Kind
    /// The git file mode (0o100644, 0o100755, 0o120000 for a symbolic link, 0o040000 for a tree).
    public var mode: UInt32

    public var isSymbolicLink: Bool { mode == 0o120000 }

    static func kind(ofMode mode: UInt32) -> Kind {
        switch mode & 0o170000 {
        case 0o040000: .tree
        case 0o160000: .commit
        case 0o100000, 0o120000: .blob
        default: .other
        }
    }
}

/// A tree (a folder's listing at a commit), parsed from its raw object: entries of
/// `mode name\0` followed by the 20-byte id, in git's order.
///
/// Comparisons work on the bytes (`TreeComparer`); names become Strings only when asked for.
public struct Tree: Sendable {
    /// Where one entry's name is, its mode; the id follows the name's NUL.
    struct Slot: Sendable {
        var nameStart: Int32
        var nameEnd: Int32
        var mode: UInt32
        var isTree: Bool { TreeEntry.kind(ofMode: mode) == .tree }
    }

    public let id: ObjectID
    let bytes: [UInt8]
    let slots: [Slot]

    init(id: ObjectID, bytes: [UInt8]) throws {
        self.id = id
        self.bytes = bytes
        var slots: [Slot] = []
        // An entry takes at least 28 bytes (mode, space, a name, NUL, id): room for all of them.
        slots.reserveCapacity(bytes.count / 28 + 1)
        var cursor = 0
        while cursor < bytes.count {
            var mode: UInt32 = 0
            while cursor < bytes.count, bytes[cursor] != 0x20 {
                let digit = bytes[cursor] &- 0x30
                guard digit < 8 else { throw Self.malformed(id) }
                mode = mode << 3 | UInt32(digit)
                cursor += 1
            }
            let nameStart = cursor + 1
            guard let nameEnd = bytes.firstIndex(of: 0, from: nameStart), nameEnd > nameStart, nameEnd + 21 <= bytes.count else {
                throw Self.malformed(id)
            }
            slots.append(Slot(nameStart: Int32(nameStart), nameEnd: Int32(nameEnd), mode: mode))
            cursor = nameEnd + 21
        }
        self.slots = slots
    }

    private static func malformed(_ id: ObjectID) -> GitError {
        GitError(code: GIT_EINVALID.rawValue, operation: "reading tree \(id)", message: "malformed tree entry")
    }

    public var count: Int { slots.count }

    func name(_ slot: Slot) -> String { String(decoding: nameBytes(slot), as: UTF8.self) }

    func nameBytes(_ slot: Slot) -> ArraySlice<UInt8> { bytes[Int(slot.nameStart)..<Int(slot.nameEnd)] }

    func entryID(_ slot: Slot) -> ObjectID { bytes.withUnsafeBytes { ObjectID(rawBytes: $0.baseAddress! + Int(slot.nameEnd) + 1) } }

    /// Whether two entries (of this tree and `other`) hold the same object.
    func sameObject(_ slot: Slot, as otherSlot: Slot, in other: Tree) -> Bool {
        bytes.withUnsafeBytes { mine in
            other.bytes.withUnsafeBytes { theirs in
                memcmp(mine.baseAddress! + Int(slot.nameEnd) + 1, theirs.baseAddress! + Int(otherSlot.nameEnd) + 1, 20) == 0
            }
        }
    }

    func entry(_ slot: Slot) -> TreeEntry {
        TreeEntry(name: name(slot), id: entryID(slot), kind: TreeEntry.kind(ofMode: slot.mode), mode: slot.mode)
    }

    public var entries: [TreeEntry] { slots.map(entry) }

    /// The entry with this exact name.
    public func entry(named name: String) -> TreeEntry? {
        let wanted = Array(name.utf8)
        return slots.first { slot in
            Int(slot.nameEnd - slot.nameStart) == wanted.count && bytes[Int(slot.nameStart)..<Int(slot.nameEnd)].elementsEqual(wanted)
        }.map(entry)
    }

    /// git's `base_name_compare` between an entry of this tree and one of `other`: names compare
    /// bytewise, a tree's name as if it ended in `/`. So a file and a folder of the same name are
    /// two different entries (a type change is a removal plus an addition).
    func gitOrder(_ slot: Slot, _ otherSlot: Slot, in other: Tree) -> Int {
        bytes.withUnsafeBufferPointer { left in
            other.bytes.withUnsafeBufferPointer { right in
                let leftLength = Int(slot.nameEnd - slot.nameStart), rightLength = Int(otherSlot.nameEnd - otherSlot.nameStart)
                let common = min(leftLength, rightLength)
                let order = memcmp(left.baseAddress! + Int(slot.nameStart), right.baseAddress! + Int(otherSlot.nameStart), common)
                if order != 0 { return Int(order) }
                let leftNext: UInt8 = common < leftLength ? left[Int(slot.nameStart) + common] : (slot.isTree ? 0x2F : 0)
                let rightNext: UInt8 = common < rightLength ? right[Int(otherSlot.nameStart) + common] : (otherSlot.isTree ? 0x2F : 0)
                return Int(leftNext) - Int(rightNext)
            }
        }
    }
}

extension Repository {
    public func commit(_ id: ObjectID) throws -> Commit {
        try Commit(id: id, bytes: objects.read(id, as: GIT_OBJECT_COMMIT))
    }

    public func tree(_ id: ObjectID) throws -> Tree {
        try Tree(id: id, bytes: objects.read(id, as: GIT_OBJECT_TREE))
    }

    /// A blob's bytes.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        try objects.read(id, as: GIT_OBJECT_BLOB)
    }

    /// The entry at a `/`-separated path below `tree`, nil when there is none.
    public func entry(atPath path: String, in tree: Tree) throws -> TreeEntry? {
        var current = tree
        let names = path.split(separator: "/", omittingEmptySubsequences: true)
        for (position, name) in names.enumerated() {
            guard let entry = current.entry(named: String(name)) else { return nil }
            if position == names.count - 1 { return entry }
            guard entry.kind == .tree else { return nil }
            current = try self.tree(entry.id)
        }
        return nil
    }

    /// Whether the object exists in the object database (without reading it).
    public func contains(_ id: ObjectID) throws -> Bool {
        var oid = id.raw
        return git_odb_exists(try objects.handle, &oid) == 1
    }

    /// Resolves a revision expression (`HEAD`, `main`, `v1.0^`, an id) to a commit id.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, handle, revision), "resolving revision '\(revision)'")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try GitError.check(git_object_peel(&peeled, object, GIT_OBJECT_COMMIT), "'\(revision)' does not name a commit")
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled))
    }
}

extension [UInt8] {
    /// The first `byte` at or after `start`, found with memchr: object parsing scans a lot.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count else { return nil }
        return withUnsafeBytes { buffer in
            memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start).map { $0 - UnsafeMutableRawPointer(mutating: buffer.baseAddress!) }
        }
    }
}

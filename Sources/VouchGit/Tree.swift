internal import CLibGit2
import Foundation
import VouchCore

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

    /// Public so that bytes from elsewhere (the fuzz targets under Fuzz/) parse exactly as a read object does.
    public init(id: ObjectID, bytes: [UInt8]) throws {
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

import Foundation

/// Finds a commit message's trailers exactly as `git log --format='%(trailers:only,unfold)'` does
/// (git's trailer.c with the options pretty.c sets for `%(trailers)`), byte for byte:
///
/// - pretty.c hands trailer.c the message from its first non-blank line (leading blank lines skipped);
/// - `%(trailers)` sets `no_divider`: a `---` line does not end the message (it does for
///   `git interpret-trailers`, where the message may be a patch e-mail);
/// - the end is that of `ignore_non_trailer`: the message stops at git's scissors line
///   (`# ------------------------ >8 ------------------------`), and a final run of comment lines
///   (`#`), empty lines and old `Conflicts:` blocks is not part of it;
/// - the trailer block is the last paragraph after the title paragraph: scanning up from the end,
///   past trailing blank lines, to a blank line, it counts trailer lines (`Token: value`, token of
///   letters, digits and `-`, blanks allowed before the `:`), git-generated ones (`Signed-off-by: `,
///   `(cherry picked from commit `), indented possible continuation lines and other lines; comment
///   lines count only to turn pending continuations into other lines. The paragraph is the block
///   when every counted line is a trailer, or when it holds a git-generated line and trailers are at
///   least a quarter of its lines;
/// - within the block, a line that starts with whitespace continues the line before it when that
///   line was a trailer; the key and the value are trimmed of git's whitespace (space, tab, CR, LF)
///   and a value's continuations are unfolded: each line feed and the whitespace after it become one
///   space.
///
/// Git's `trailer.*` configuration (other separators, recognised keys) is not read: Vouch reads
/// trailers as git does with its defaults, the same on every machine.
enum TrailerBlock {
    static func trailers(in message: [UInt8]) -> [Trailer] {
        message.withUnsafeBufferPointer { whole in
            // git reads the message as a C string.
            let text = UnsafeBufferPointer(rebasing: whole[..<(whole.firstIndex(of: 0) ?? whole.count)])
            var start = 0
            while start < text.count, isBlankLine(text, at: start) { start = nextLine(text, after: start) }
            let buffer = UnsafeBufferPointer(rebasing: text[start...])
            let end = messageEnd(buffer)
            return parse(buffer, from: blockStart(buffer, end: end), to: end)
        }
    }

    private static let comment = UInt8(ascii: "#")
    private static let newline: UInt8 = 0x0A

    /// git's `isspace`: space, tab, line feed and carriage return only.
    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The offset after the line that starts at `offset` (its line feed included).
    private static func nextLine(_ text: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int {
        var index = offset
        while index < text.count, text[index] != newline { index += 1 }
        return min(index + 1, text.count)
    }

    /// trailer.c's `is_blank_line`: only whitespace up to the line feed.
    private static func isBlankLine(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = offset
        while index < text.count, text[index] != newline, isSpace(text[index]) { index += 1 }
        return index == text.count || text[index] == newline
    }

    private static func starts(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, with prefix: [UInt8]) -> Bool {
        guard text.count - offset >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where text[offset + index] != byte { return false }
        return true
    }

    /// trailer.c's `find_separator` for the separator `:`: the offset of the `:` from `offset`, or nil.
    static func separator(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Int? {
        var whitespace = false
        var index = offset
        while index < end {
            let byte = text[index]
            if byte == UInt8(ascii: ":") { return index }
            let isTokenByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
            if !whitespace, isTokenByte {
                index += 1
                continue
            }
            if index != offset, byte == 0x20 || byte == 0x09 {
                whitespace = true
                index += 1
                continue
            }
            return nil
        }
        return nil
    }

    private static let scissors = Array("# ------------------------ >8 ------------------------\n".utf8)
    private static let conflicts = Array("Conflicts:\n".utf8)
    private static let generatedPrefixes = [Array("Signed-off-by: ".utf8), Array("(cherry picked from commit ".utf8)]

    /// commit.c's `ignore_non_trailer` (with wt-status.c's `wt_status_locate_end`): where the log
    /// message ends. Offset 0 stands for "no run started", as in git.
    private static func messageEnd(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var cutoff = text.count
        if starts(text, at: 0, with: scissors) {
            cutoff = 0
        } else {
            var line = 0
            while line < text.count {
                let next = nextLine(text, after: line)
                if next < text.count, text[next - 1] == newline, starts(text, at: next, with: scissors) {
                    cutoff = next
                    break
                }
                line = next
            }
        }
        var runStart = 0, line = 0, inConflicts = false
        while line < cutoff {
            if text[line] == comment || text[line] == newline {
                if runStart == 0 { runStart = line }
            } else if starts(text, at: line, with: conflicts) {
                inConflicts = true
                if runStart == 0 { runStart = line }
            } else if inConflicts, text[line] == 0x09 {
                // a path in the conflicts block
            } else if runStart != 0 {
                runStart = 0
                inConflicts = false
            }
            line = nextLine(text, after: line)
        }
        return runStart != 0 ? runStart : cutoff
    }

    /// trailer.c's `last_line`: the start of the last line of `text[..<length]` (a final line feed
    /// belongs to it); nil when empty.
    private static func lastLine(_ text: UnsafeBufferPointer<UInt8>, before length: Int) -> Int? {
        guard length > 0 else { return nil }
        guard length > 1 else { return 0 }
        var index = length - 2
        while index >= 0 {
            if text[index] == newline { return index + 1 }
            index -= 1
        }
        return 0
    }

    /// trailer.c's `find_trailer_start`: where the trailer block starts, `end` when there is none.
    private static func blockStart(_ text: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var endOfTitle = 0
        while endOfTitle < end {
            if text[endOfTitle] != comment, isBlankLine(text, at: endOfTitle) { break }
            endOfTitle = nextLine(text, after: endOfTitle)
        }
        var onlySpaces = true, recognizedPrefix = false
        var trailerLines = 0, nonTrailerLines = 0, possibleContinuationLines = 0
        var cursor = lastLine(text, before: end)
        while let line = cursor, line >= endOfTitle {
            defer { cursor = lastLine(text, before: line) }
            if text[line] == comment {
                nonTrailerLines += possibleContinuationLines
                possibleContinuationLines = 0
                continue
            }
            if isBlankLine(text, at: line) {
                if onlySpaces { continue }
                nonTrailerLines += possibleContinuationLines
                if recognizedPrefix, trailerLines * 3 >= nonTrailerLines { return nextLine(text, after: line) }
                if trailerLines > 0, nonTrailerLines == 0 { return nextLine(text, after: line) }
                return end
            }
            onlySpaces = false
            if generatedPrefixes.contains(where: { starts(text, at: line, with: $0) }) {
                trailerLines += 1
                possibleContinuationLines = 0
                recognizedPrefix = true
            } else if let colon = separator(text, at: line, end: text.count), colon > line, !isSpace(text[line]) {
                trailerLines += 1
                possibleContinuationLines = 0
            } else if isSpace(text[line]) {
                possibleContinuationLines += 1
            } else {
                nonTrailerLines += 1 + possibleContinuationLines
                possibleContinuationLines = 0
            }
        }
        return end
    }

    /// trailer.c's `trailer_info_get` and `format_trailer_info` with `only` and `unfold`.
    private static func parse(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Trailer] {
        guard start < end else { return [] }
        // Each entry: its first line's start, the end of its last line, and its separator.
        var entries: [(start: Int, end: Int, colon: Int?)] = []
        var line = start
        while line < end {
            let next = min(nextLine(text, after: line), end)
            if isSpace(text[line]), let last = entries.last, last.colon != nil {
                entries[entries.count - 1].end = next
            } else {
                let colon = separator(text, at: line, end: next)
                entries.append((line, next, colon.flatMap { $0 > line ? $0 : nil }))
            }
            line = next
        }
        return entries.compactMap { entry in
            guard let colon = entry.colon else { return nil }
            return Trailer(key: trimmed(text, entry.start, colon), value: unfolded(text, colon + 1, entry.end))
        }
    }

    private static func trimmedRange(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var start = start, end = end
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[trimmedRange(text, start, end)]), as: UTF8.self)
    }

    /// trailer.c's `unfold_value` on the trimmed value.
    private static func unfolded(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let range = trimmedRange(text, start, end)
        guard text[range].contains(newline) else { return String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = text[index]
            index += 1
            if byte == newline {
                while index < range.upperBound, isSpace(text[index]) { index += 1 }
                out.append(0x20)
            } else {
                out.append(byte)
            }
        }
        let kept = out.withUnsafeBufferPointer { trimmedRange($0, 0, $0.count) }
        return String(decoding: out[kept], as: UTF8.self)
    }
}

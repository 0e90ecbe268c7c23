/// An instant with the UTC offset it was recorded in, as git stores commit times.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01 UTC.
    public var seconds: Int64
    public var offsetMinutes: Int

    public init(seconds: Int64, offsetMinutes: Int = 0) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// Earlier instants first; the same instant recorded in two offsets orders by offset, so
    /// that `<` and `==` (which compares both) agree.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { (lhs.seconds, lhs.offsetMinutes) < (rhs.seconds, rhs.offsetMinutes) }

    public static let secondsPerDay: Int64 = 86_400

    /// The UTC calendar day.
    public var utcDate: CalendarDate { CalendarDate(dayNumber: Int((seconds - (seconds % Self.secondsPerDay + Self.secondsPerDay) % Self.secondsPerDay) / Self.secondsPerDay)) }

    /// The calendar day where it was recorded (in its own offset).
    public var localDate: CalendarDate { Timestamp(seconds: seconds + Int64(offsetMinutes) * 60).utcDate }

    /// ISO 8601 with the recorded offset, e.g. `2026-03-01T10:00:00+02:00`.
    public var iso8601: String { String(ascii: Self.iso8601Length, writeISO8601) }

    package static let iso8601Length = 25

    /// Writes `iso8601` into the first 25 bytes of `text`, digit by digit: this runs for every
    /// change of long histories.
    package func writeISO8601(into text: UnsafeMutableBufferPointer<UInt8>) {
        let local = seconds + Int64(offsetMinutes) * 60
        let secondsOfDay = Int(((local % Self.secondsPerDay) + Self.secondsPerDay) % Self.secondsPerDay)
        let date = Timestamp(seconds: local).utcDate
        let offset = abs(offsetMinutes)
        func put(_ value: Int, _ width: Int, at position: Int) {
            var rest = value
            for index in stride(from: position + width - 1, through: position, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(max(0, min(9999, date.year)), 4, at: 0)
        text[4] = UInt8(ascii: "-"); put(date.month, 2, at: 5)
        text[7] = UInt8(ascii: "-"); put(date.day, 2, at: 8)
        text[10] = UInt8(ascii: "T"); put(secondsOfDay / 3600, 2, at: 11)
        text[13] = UInt8(ascii: ":"); put(secondsOfDay / 60 % 60, 2, at: 14)
        text[16] = UInt8(ascii: ":"); put(secondsOfDay % 60, 2, at: 17)
        text[19] = UInt8(ascii: offsetMinutes < 0 ? "-" : "+"); put(offset / 60 % 100, 2, at: 20)
        text[22] = UInt8(ascii: ":"); put(offset % 60, 2, at: 23)
    }

    /// Midnight UTC at the start of `date`.
    public static func startOfDay(_ date: CalendarDate) -> Timestamp { Timestamp(seconds: Int64(date.dayNumber) * secondsPerDay) }
}

extension Timestamp {
    /// Parses the ISO 8601 instants REST APIs return: `2026-03-01T10:00:00Z`,
    /// `2026-03-01T10:00:00.520Z`, `2026-03-01T12:00:00+02:00`. Nil for anything else.
    public init?(iso8601 text: String) {
        guard let parsed = Text.withUTF8(text, { Self(iso8601: $0) }) else { return nil }
        self = parsed
    }

    /// `init(iso8601:)` of UTF-8 bytes, e.g. a word of a note's line.
    package init?(iso8601 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                guard index < bytes.count, Text.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let date = Self.date(bytes), let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              hour < 24, minute < 60, second < 61 else { return nil }
        var position = 19
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < bytes.count, Text.isDigit(bytes[position]) { position += 1 }
        }
        guard position < bytes.count else { return nil }
        var offset = 0
        switch bytes[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard position + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard position + 6 == bytes.count, bytes[position + 3] == UInt8(ascii: ":"),
                  let hours = number(position + 1, 2), let minutes = number(position + 4, 2) else { return nil }
            offset = (hours * 60 + minutes) * (bytes[position] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let local = Int64(date.dayNumber) * Self.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        self.init(seconds: local - Int64(offset) * 60, offsetMinutes: offset)
    }

    /// The `YYYY-MM-DD` that starts `bytes` (at least 10 of them), read by bytes when it is all
    /// digits and dashes, else as `CalendarDate` reads text.
    private static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard Text.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else {
            return CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self))
        }
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `iso8601` in UTC with a `Z`, e.g. `2026-03-01T10:00:00Z`: how GitHub and GitLab write instants.
    public var utcISO8601: String {
        String(Timestamp(seconds: seconds).iso8601.prefix(19)) + "Z"
    }
}

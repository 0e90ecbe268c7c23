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

import Testing
import VouchKit

@Suite struct CalendarDateTests {
    @Test func parsesAndRejects() {
        #expect(CalendarDate("2026-02-28") != nil)
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2026-13-01") == nil)
        #expect(CalendarDate("26-01-01") == nil)
    }

    @Test func dayArithmeticRoundTrips() {
        let date = CalendarDate("2026-01-01")!
        #expect(date.adding(days: 365).description == "2027-01-01")
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
    }
}

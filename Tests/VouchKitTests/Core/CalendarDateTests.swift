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

    @Test func writesFourDigitYearsAndTwoDigitMonthsAndDays() {
        #expect(CalendarDate(year: 2026, month: 3, day: 4).description == "2026-03-04")
        #expect(CalendarDate(year: 987, month: 12, day: 31).description == "0987-12-31")
        #expect(CalendarDate(year: 12345, month: 1, day: 10).description == "12345-01-10")
        // Every day of a leap year and of a common one reads back as itself.
        var day = CalendarDate("2024-01-01")!
        while day.year < 2026 {
            #expect(CalendarDate(day.description) == day)
            day = day.adding(days: 1)
        }
    }
}

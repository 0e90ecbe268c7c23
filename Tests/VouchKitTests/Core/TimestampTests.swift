import Testing
import VouchKit

@Suite struct TimestampTests {
    /// `==` compares the instant and the offset it was recorded in, so `<` orders by both: of
    /// two timestamps exactly one of `<`, `==`, `>` holds.
    @Test func orderAgreesWithEquality() {
        let utc = Timestamp(seconds: 1_772_445_600, offsetMinutes: 0)
        let paris = Timestamp(seconds: 1_772_445_600, offsetMinutes: 60)
        let later = Timestamp(seconds: 1_772_445_601, offsetMinutes: -300)
        for (left, right) in [(utc, paris), (paris, utc), (utc, later), (later, paris), (utc, utc)] {
            let relations = [left < right, left == right, right < left].filter { $0 }
            #expect(relations.count == 1, "\(left) vs \(right)")
        }
        #expect(utc < later && paris < later)
        #expect([later, paris, utc].sorted() == [utc, paris, later])
    }
}

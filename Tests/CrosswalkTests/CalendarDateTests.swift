import Testing
@testable import Crosswalk

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func parsesAndRejects() {
        #expect(CalendarDate("2026-08-02")?.description == "2026-08-02")
        for bad in ["2026-02-30", "2026-13-01", "2026-8-2", "2026-08-02T00:00:00Z", "", "abcd-ef-gh", "2025-02-29"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
        #expect(CalendarDate("2024-02-29") != nil)
    }

    @Test func arithmetic() throws {
        let d = try #require(CalendarDate("2026-11-23"))
        #expect(d.adding(days: 30).description == "2026-12-23")
        #expect(d.adding(days: -365).description == "2025-11-23")
        #expect(CalendarDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(try #require(CalendarDate("2027-08-02")).daysSinceEpoch - (try #require(CalendarDate("2026-08-02"))).daysSinceEpoch == 365)
        #expect(CalendarDate("2025-02-02")! < CalendarDate("2025-08-02")!)
    }
}

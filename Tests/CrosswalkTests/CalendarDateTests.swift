import Foundation
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

    /// The packed storage (4 bytes) keeps every component, the order and the encoding.
    @Test func compactStorage() throws {
        #expect(MemoryLayout<CalendarDate>.size == 4)
        #expect(MemoryLayout<CalendarDate?>.size == 5)
        // Every month and day of a leap and a common year, and the ends of the range, round trip.
        for year in [1, 4, 100, 400, 1900, 1970, 2000, 2024, 2026, 2100, 9999] {
            for month in 1...12 {
                for day in 1...CalendarDate.daysIn(month: month, year: year) {
                    let d = try #require(CalendarDate(year: year, month: month, day: day))
                    #expect(d.year == year && d.month == month && d.day == day)
                    #expect(CalendarDate(d.description) == d)
                }
            }
        }
        #expect(CalendarDate.earliest.description == "0001-01-01")
        #expect(CalendarDate.latest.description == "9999-12-31")
    }

    @Test func compactOrderingMatchesComponents() throws {
        let texts = ["0001-01-01", "0999-12-31", "1970-01-01", "2024-02-29", "2024-03-01", "2025-01-31", "2025-02-01",
                     "2025-12-31", "2026-01-01", "2026-08-02", "2026-08-03", "2026-09-01", "9999-12-30", "9999-12-31"]
        let dates = try texts.map { try #require(CalendarDate($0)) }
        for (i, a) in dates.enumerated() {
            for (j, b) in dates.enumerated() {
                #expect((a < b) == (i < j), "\(a) < \(b)")
                #expect((a == b) == (i == j))
                #expect((a < b) == ((a.year, a.month, a.day) < (b.year, b.month, b.day)))
            }
        }
        #expect(Set(dates + dates).count == dates.count)
        // Day arithmetic across the whole range still agrees with the components.
        var d = try #require(CalendarDate("1999-12-25"))
        for _ in 0..<800 {
            let next = d.adding(days: 1)
            #expect(next > d && next.daysSinceEpoch == d.daysSinceEpoch + 1)
            d = next
        }
    }

    @Test func compactCodableBytesUnchanged() throws {
        struct Box: Codable, Equatable { var date: CalendarDate; var optional: CalendarDate?; var dates: [CalendarDate] }
        let box = Box(date: try #require(CalendarDate("2026-12-01")), optional: CalendarDate("0001-01-01"),
                      dates: [try #require(CalendarDate("9999-12-31")), try #require(CalendarDate("2024-02-29"))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(box), as: UTF8.self)
        // The encoding of the three-Int CalendarDate: the text YYYY-MM-DD.
        #expect(json == #"{"date":"2026-12-01","dates":["9999-12-31","2024-02-29"],"optional":"0001-01-01"}"#)
        #expect(try JSONDecoder().decode(Box.self, from: Data(json.utf8)) == box)
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "2026-01-32", "2026-1-01", "20260101"] {
            #expect(throws: DecodingError.self, "\(bad)") {
                try JSONDecoder().decode(Box.self, from: Data(#"{"date":"\#(bad)","dates":[]}"#.utf8))
            }
        }
        #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 10000, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func compactSetters() throws {
        var d = try #require(CalendarDate("2026-08-02"))
        d.day = 31
        #expect(d.description == "2026-08-31")
        d.month = 12
        #expect(d.description == "2026-12-31" && d.year == 2026)
        d.year = 2030
        #expect(d.description == "2030-12-31")
        #expect(d == CalendarDate("2030-12-31"))
    }
}

/// A date without time or zone (`YYYY-MM-DD`): application dates, evidence expiry, the
/// assessment's as-of date. Comparable and free of the clock.
///
/// Stored in 4 bytes (a cell of an assessment carries one, and an assessment at scale holds
/// hundreds of thousands of cells): year, month and day packed into one 32-bit value whose
/// order is the dates' order. Encoded as the text `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// `year << 9 | month << 5 | day`: day in bits 0–4, month in bits 5–8, year above.
    private var packed: UInt32

    private static let dayBits: UInt32 = 5, monthBits: UInt32 = 4
    private static let dayMask: UInt32 = 0x1F, monthMask: UInt32 = 0xF
    /// The largest year the packed form holds (a date made by an initialiser has at most 9999).
    private static let yearLimit = Int(UInt32.max >> (dayBits + monthBits))

    /// 1…9999 for every date an initialiser makes. Setting a component does not check the
    /// date (as before), but the value must fit its field: year 0…8,388,607, month 0…15, day 0…31.
    public var year: Int {
        get { Int(packed >> (Self.dayBits + Self.monthBits)) }
        set {
            precondition((0...Self.yearLimit).contains(newValue), "CalendarDate.year out of range: \(newValue)")
            packed = UInt32(newValue) << (Self.dayBits + Self.monthBits) | packed & (Self.monthMask << Self.dayBits | Self.dayMask)
        }
    }
    /// 1…12.
    public var month: Int {
        get { Int(packed >> Self.dayBits & Self.monthMask) }
        set {
            precondition((0...Int(Self.monthMask)).contains(newValue), "CalendarDate.month out of range: \(newValue)")
            packed = packed & ~(Self.monthMask << Self.dayBits) | UInt32(newValue) << Self.dayBits
        }
    }
    /// 1…31.
    public var day: Int {
        get { Int(packed & Self.dayMask) }
        set {
            precondition((0...Int(Self.dayMask)).contains(newValue), "CalendarDate.day out of range: \(newValue)")
            packed = packed & ~Self.dayMask | UInt32(newValue)
        }
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        packed = UInt32(year) << (Self.dayBits + Self.monthBits) | UInt32(month) << Self.dayBits | UInt32(day)
    }

    /// Parses `YYYY-MM-DD` exactly (a time part such as `T00:00:00Z` is not accepted).
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes.
    init?(utf8 u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let c = u[i]; guard c >= 48, c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The first and last dates a `CalendarDate` can hold.
    public static let earliest = CalendarDate(year: 1, month: 1, day: 1)!
    public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The date `days` later (earlier when negative), clamped to ``earliest`` … ``latest``.
    /// The same day `months` later (the month's last day when it is shorter).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y))) ?? (months > 0 ? .latest : .earliest)
    }

    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        if overflow { return days > 0 ? .latest : .earliest }
        if sum > CalendarDate.latest.daysSinceEpoch { return .latest }
        if sum < CalendarDate.earliest.daysSinceEpoch { return .earliest }
        let z = sum + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return CalendarDate(year: y, month: m, day: d)!
    }

    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The packed value orders as (year, month, day) does.
    public static func < (a: Self, b: Self) -> Bool { a.packed < b.packed }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

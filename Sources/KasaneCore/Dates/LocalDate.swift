import Foundation

/// A calendar date in Japan (no time, no zone), written `2026-11-23`.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when it does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; also accepts `YYYY/MM/DD` as Excel writes it.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...2).contains(parts[1].count), (1...2).contains(parts[2].count)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// An optional date given as text (a query parameter, a command-line option): nil
    /// when absent, a `KasaneError.invalid` naming `field` as `label` when malformed.
    public static func parse(_ text: String?, field: String, label: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else {
            throw KasaneError.invalid(field: field, message: "\(label) は YYYY-MM-DD の形で指定してください。")
        }
        return date
    }

    /// 1970-01-01.
    static let epoch = LocalDate(uncheckedYear: 1970, month: 1, day: 1)

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The fiscal year (年度) this date falls in, for a year starting on the 1st of `startMonth`.
    public func fiscalYear(startingIn startMonth: Int = 4) -> Int {
        month >= startMonth ? year : year - 1
    }

    /// Today in Japan.
    public static func today(now: Date = Date()) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        // The three fields asked for are always filled, and form a real day.
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate.epoch
    }

    /// The instant `minutes` after midnight of this day in Japan (UTC+9, no daylight saving).
    public func instant(minutesAfterMidnight minutes: Int = 0) -> Date {
        var components = DateComponents(year: year, month: month, day: day)
        components.timeZone = .tokyo
        // A LocalDate is a real day (checked when it was made), so this always succeeds.
        let midnight = Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
        return midnight.addingTimeInterval(TimeInterval(minutes * 60))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "日付は YYYY-MM-DD の形で、実在する日を指定してください（\(text)）")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension TimeZone {
    /// Japan Standard Time. Japan has no daylight saving time.
    /// Where the system has no time-zone database, the fixed +09:00 is the same zone.
    public static let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt
}

/// 国民の祝日 of Japan, computed: fixed days, Happy Monday days, the equinoxes,
/// substitute holidays (振替休日), the citizens' holiday between two holidays
/// (国民の休日), and the special years 2019, 2020 and 2021. Valid from 2007 (the present
/// substitute rule) to 2099 (the equinox formula).
public enum JapaneseHolidays {
    public struct Holiday: Hashable, Sendable, Comparable {
        public let date: LocalDate
        public let name: String

        public static func < (a: Holiday, b: Holiday) -> Bool { a.date < b.date }
    }

    public static let supportedYears = 2007...2099

    /// The holidays of `year`; none outside `supportedYears` (the inputs that lead here
    /// are refused before, see `MeetingInput.validate`; this never traps on a date).
    public static func holidays(in year: Int) -> [Holiday] {
        guard supportedYears.contains(year) else { return [] }
        var days: [LocalDate: String] = [:]
        func add(_ month: Int, _ day: Int, _ name: String) { days[LocalDate(year: year, month: month, day: day)!] = name }
        func monday(_ month: Int, _ nth: Int, _ name: String) {
            let first = weekday(LocalDate(year: year, month: month, day: 1)!)  // 0 = Sunday
            add(month, 1 + (8 - first) % 7 + 7 * (nth - 1), name)
        }

        add(1, 1, "元日")
        monday(1, 2, "成人の日")
        add(2, 11, "建国記念の日")
        if year >= 2020 { add(2, 23, "天皇誕生日") }
        add(3, vernalEquinox(year), "春分の日")
        add(4, 29, "昭和の日")
        add(5, 3, "憲法記念日")
        add(5, 4, "みどりの日")
        add(5, 5, "こどもの日")
        switch year {
        case 2020: add(7, 23, "海の日"); add(7, 24, "スポーツの日"); add(8, 10, "山の日")
        case 2021: add(7, 22, "海の日"); add(7, 23, "スポーツの日"); add(8, 8, "山の日")
        default:
            monday(7, 3, "海の日")
            if year >= 2016 { add(8, 11, "山の日") }
            monday(10, 2, year >= 2020 ? "スポーツの日" : "体育の日")
        }
        monday(9, 3, "敬老の日")
        add(9, autumnalEquinox(year), "秋分の日")
        add(11, 3, "文化の日")
        add(11, 23, "勤労感謝の日")
        if year <= 2018 { add(12, 23, "天皇誕生日") }
        if year == 2019 {
            add(5, 1, "天皇の即位の日")
            add(10, 22, "即位礼正殿の儀の行われる日")
        }

        // 国民の休日: a weekday between two holidays (2019-04-30, 2019-05-02, some Septembers).
        for (date, _) in days {
            let next = date.adding(days: 1), afterNext = date.adding(days: 2)
            if days[next] == nil, days[afterNext] != nil, weekday(next) != 0 { days[next] = "国民の休日" }
        }
        // 振替休日: a holiday on a Sunday moves to the next day that is not a holiday.
        for (date, _) in days where weekday(date) == 0 {
            var substitute = date.adding(days: 1)
            while days[substitute] != nil { substitute = substitute.adding(days: 1) }
            days[substitute] = "休日（振替休日）"
        }
        return days.map { Holiday(date: $0.key, name: $0.value) }.sorted()
    }

    public static func holidays(from first: Int, to last: Int) -> [Holiday] {
        guard first <= last else { return [] }
        return (first...last).flatMap(holidays(in:))
    }

    public static func name(of date: LocalDate) -> String? {
        holidays(in: date.year).first { $0.date == date }?.name
    }

    /// 春分日 by the formula of the National Astronomical Observatory, 1980–2099.
    static func vernalEquinox(_ year: Int) -> Int {
        Int(20.8431 + 0.242194 * Double(year - 1980)) - (year - 1980) / 4
    }

    /// 秋分日, likewise.
    static func autumnalEquinox(_ year: Int) -> Int {
        Int(23.2488 + 0.242194 * Double(year - 1980)) - (year - 1980) / 4
    }

    /// 0 = Sunday ... 6 = Saturday (Zeller's congruence).
    public static func weekday(_ date: LocalDate) -> Int {
        var y = date.year, m = date.month
        if m < 3 { m += 12; y -= 1 }
        let k = y % 100, j = y / 100
        let h = (date.day + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7  // 0 = Saturday
        return (h + 6) % 7
    }
}

extension LocalDate {
    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// Days from `a` to `b` (negative when `b` is earlier).
    public static func daysBetween(_ a: LocalDate, _ b: LocalDate) -> Int { b.dayNumber - a.dayNumber }

    public func adding(days n: Int) -> LocalDate {
        var (y, m, d) = (year, month, day + n)
        while d > LocalDate.daysIn(month: m, year: y) {
            d -= LocalDate.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += LocalDate.daysIn(month: m, year: y)
        }
        // Valid by construction, except past the year 9999 LocalDate allows: clamped there.
        if let date = LocalDate(year: y, month: m, day: d) { return date }
        return y > 9999 ? LocalDate(year: 9999, month: 12, day: 31) ?? self : LocalDate(year: 1, month: 1, day: 1) ?? self
    }
}

/// Whether the offices are open on a day: not a weekend, not a national holiday,
/// not one of the city's closures.
public struct WorkingCalendar: Sendable {
    public let settings: MunicipalitySettings

    public init(settings: MunicipalitySettings) { self.settings = settings }

    public func closure(on date: LocalDate) -> String? {
        let wd = JapaneseHolidays.weekday(date)
        if wd == 0 || wd == 6 { return wd == 0 ? "日曜日" : "土曜日" }
        if let holiday = JapaneseHolidays.name(of: date) { return holiday }
        if let closure = settings.yearlyClosures.first(where: { $0.contains(date) }) { return closure.label }
        if settings.closureDates.contains(date) { return "閉庁日" }
        return nil
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool { closure(on: date) == nil }
}

/// 和暦 for fiscal years, as the secretariat writes them (令和8年度).
public enum JapaneseEra {
    /// The 和暦 name of a fiscal year: 2026 → 令和8年度, 2019 → 令和元年度.
    public static func fiscalYearName(_ fiscalYear: Int) -> String {
        let (era, first): (String, Int) =
            fiscalYear >= 2019 ? ("令和", 2019) :
            fiscalYear >= 1989 ? ("平成", 1989) : ("昭和", 1926)
        let n = fiscalYear - first + 1
        return "\(era)\(n == 1 ? "元" : String(n))年度"
    }

    /// The era and year of a 西暦 date: 2026-12-01 → (令和, 8). Eras change on their
    /// first day (令和 from 2019-05-01, 平成 from 1989-01-08).
    public static func era(of date: LocalDate) -> (name: String, year: Int) {
        if (date.year, date.month, date.day) >= (2019, 5, 1) { return ("令和", date.year - 2018) }
        if (date.year, date.month, date.day) >= (1989, 1, 8) { return ("平成", date.year - 1988) }
        return ("昭和", date.year - 1925)
    }

    /// 令和8年12月1日（火）.
    public static func dateName(_ date: LocalDate, weekday: Bool = true) -> String {
        let (name, year) = era(of: date)
        let text = "\(name)\(year == 1 ? "元" : String(year))年\(date.month)月\(date.day)日"
        return weekday ? text + "（\(weekdayName(date))）" : text
    }

    /// 2026年12月1日（火）.
    public static func westernDateName(_ date: LocalDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日（\(weekdayName(date))）"
    }

    /// 日, 月, 火...
    public static func weekdayName(_ date: LocalDate) -> String {
        ["日", "月", "火", "水", "木", "金", "土"][JapaneseHolidays.weekday(date)]
    }
}

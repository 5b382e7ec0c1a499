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
}

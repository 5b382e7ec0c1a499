/// How long minutes and a case's personal data are kept (保存期間). Part of
/// `MunicipalitySettings`; a city sets its own under its records rules.
public struct RetentionSettings: Codable, Sendable, Equatable {
    /// Years after a case ends (終結・中断) that its personal data and the attendee's
    /// reading of its minutes are kept.
    public var casePersonalDataYears: Int
    /// Years after a meeting that the attendee's reading of its minutes is kept.
    /// The distributed reading, codes and counts are kept for good.
    public var minutesYears: Int

    public static let standard = RetentionSettings()

    public init(casePersonalDataYears: Int = 5, minutesYears: Int = 10) {
        self.casePersonalDataYears = casePersonalDataYears
        self.minutesYears = minutesYears
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            casePersonalDataYears: try c.decodeIfPresent(Int.self, forKey: .casePersonalDataYears) ?? Self.standard.casePersonalDataYears,
            minutesYears: try c.decodeIfPresent(Int.self, forKey: .minutesYears) ?? Self.standard.minutesYears)
    }

    public func validated() throws -> RetentionSettings {
        for (field, label, value) in [
            ("casePersonalDataYears", "事例の個人情報の保存年数", casePersonalDataYears), ("minutesYears", "議事録の保存年数", minutesYears),
        ] where !(1...30).contains(value) {
            throw KasaneError.invalid(field: "retention.\(field)", message: "\(label)は1から30年の間で指定してください（\(value)）。")
        }
        return self
    }

    /// The last day a record dated `day` is kept for `years`.
    public static func expires(_ day: LocalDate, afterYears years: Int) -> LocalDate {
        LocalDate(year: day.year + years, month: day.month, day: min(day.day, LocalDate.daysIn(month: day.month, year: day.year + years)))
            ?? day
    }
}

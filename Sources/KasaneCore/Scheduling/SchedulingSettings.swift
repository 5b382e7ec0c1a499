import Foundation

/// How a city schedules: the gap kept around meetings, how far ahead members must be
/// told, how far ahead their calendars are read. Part of `MunicipalitySettings`.
public struct SchedulingSettings: Codable, Sendable, Equatable {
    /// Minutes kept free before and after each Kasane meeting a member attends.
    public var bufferMinutes: Int
    /// Working days between today and the earliest meeting the search proposes (an
    /// urgent 支援会議 ignores it).
    public var minimumNoticeWorkingDays: Int
    /// Months ahead (from today) that an uploaded calendar is read.
    public var busyHorizonMonths: Int
    /// Candidate start times fall on this grid (minutes past the hour).
    public var slotMinutes: Int

    public static let standard = SchedulingSettings()

    public init(bufferMinutes: Int = 15, minimumNoticeWorkingDays: Int = 2, busyHorizonMonths: Int = 12, slotMinutes: Int = 15) {
        self.bufferMinutes = bufferMinutes
        self.minimumNoticeWorkingDays = minimumNoticeWorkingDays
        self.busyHorizonMonths = busyHorizonMonths
        self.slotMinutes = slotMinutes
    }

    /// The window a member's calendar is read over: from the start of `today` to the same
    /// day `busyHorizonMonths` later (the month's last day when that day does not exist).
    public func busyWindow(today: LocalDate) -> (start: Date, end: Date) {
        var month = today.month + busyHorizonMonths
        var year = today.year
        while month > 12 { month -= 12; year += 1 }
        let end = LocalDate(year: year, month: month, day: min(today.day, LocalDate.daysIn(month: month, year: year))) ?? today
        return (today.instant(), end.instant())
    }

    public func validated() throws -> SchedulingSettings {
        let ranges: [(String, String, Int, ClosedRange<Int>)] = [
            ("bufferMinutes", "会議の前後の余裕（分）", bufferMinutes, 0...120),
            ("minimumNoticeWorkingDays", "招集の最低日数（開庁日）", minimumNoticeWorkingDays, 0...30),
            ("busyHorizonMonths", "予定を読み込む期間（月）", busyHorizonMonths, 1...24),
            ("slotMinutes", "候補の刻み（分）", slotMinutes, 5...60),
        ]
        for (field, label, value, range) in ranges where !range.contains(value) {
            throw KasaneError.invalid(
                field: "scheduling.\(field)", message: "\(label)は\(range.lowerBound)から\(range.upperBound)の間で指定してください（\(value)）。")
        }
        guard 60 % slotMinutes == 0 else {
            throw KasaneError.invalid(field: "scheduling.slotMinutes", message: "候補の刻みは60を割り切れる分にしてください（5, 10, 15, 20, 30, 60）。")
        }
        return self
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SchedulingSettings.standard
        self.init(
            bufferMinutes: try c.decodeIfPresent(Int.self, forKey: .bufferMinutes) ?? d.bufferMinutes,
            minimumNoticeWorkingDays: try c.decodeIfPresent(Int.self, forKey: .minimumNoticeWorkingDays) ?? d.minimumNoticeWorkingDays,
            busyHorizonMonths: try c.decodeIfPresent(Int.self, forKey: .busyHorizonMonths) ?? d.busyHorizonMonths,
            slotMinutes: try c.decodeIfPresent(Int.self, forKey: .slotMinutes) ?? d.slotMinutes)
    }
}

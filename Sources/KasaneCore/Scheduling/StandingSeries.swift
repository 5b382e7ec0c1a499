import Foundation

/// 定例: a rule that makes individual meetings over a period ("the second Tuesday of
/// every month, 14:00–15:30", "every Friday"). Each occurrence is a meeting of its own,
/// with its own UID, number and agenda.
public struct SeriesInput: Codable, Sendable, Equatable {
    public enum OnClosure: String, Codable, Sendable {
        /// An occurrence on a holiday or closure moves to the next working day.
        case nextWorkingDay
        /// It is left out.
        case skip
    }

    public var kind: MeetingKind
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int
    /// 1…5: that weekday of every month (5 = the last); nil: every week.
    public var ordinal: Int?
    public var startTime: TimeOfDay
    public var endTime: TimeOfDay
    public var from: LocalDate
    public var to: LocalDate
    public var place: String?
    public var roomId: Int64?
    public var proposalId: Int64?
    public var onClosure: OnClosure?
    public var items: [AgendaItemInput]?

    public init(
        kind: MeetingKind, weekday: Int, ordinal: Int? = nil, startTime: TimeOfDay, endTime: TimeOfDay, from: LocalDate, to: LocalDate,
        place: String? = nil, roomId: Int64? = nil, proposalId: Int64? = nil, onClosure: OnClosure? = nil, items: [AgendaItemInput]? = nil
    ) {
        self.kind = kind
        self.weekday = weekday
        self.ordinal = ordinal
        self.startTime = startTime
        self.endTime = endTime
        self.from = from
        self.to = to
        self.place = place
        self.roomId = roomId
        self.proposalId = proposalId
        self.onClosure = onClosure
        self.items = items
    }

    public static let maxOccurrences = 60

    public func validated() throws {
        guard (1...7).contains(weekday) else {
            throw KasaneError.invalid(field: "weekday", message: "曜日は1（月）から7（日）で指定してください（\(weekday)）。")
        }
        if let ordinal, !(1...5).contains(ordinal) {
            throw KasaneError.invalid(field: "ordinal", message: "第何週かは1から5（5は最終）で指定してください（\(ordinal)）。")
        }
        guard startTime < endTime else {
            throw KasaneError.invalid(field: "endTime", message: "終了時刻は開始時刻より後にしてください。")
        }
        for (field, date) in [("from", from), ("to", to)] where !JapaneseHolidays.supportedYears.contains(date.year) {
            throw KasaneError.invalid(
                field: field, message: "Kasaneが扱う日付は\(JapaneseHolidays.supportedYears.lowerBound)年から\(JapaneseHolidays.supportedYears.upperBound)年までです（\(date)）。")
        }
        guard from <= to, to <= from.adding(days: 731) else {
            throw KasaneError.invalid(field: "to", message: "期間は開始日から2年以内で、終わりを始め以降にしてください。")
        }
    }

    /// One occurrence: the day the rule gives, and the day it is held (nil when skipped).
    public struct Occurrence: Codable, Sendable, Equatable {
        public var ruleDay: LocalDate
        public var day: LocalDate?
        /// Why it moved or was skipped (the holiday or closure).
        public var closure: String?
    }

    /// The rule's days in [from, to], moved or skipped around closed days.
    public func occurrences(_ calendar: WorkingCalendar) throws -> [Occurrence] {
        try validated()
        var result: [Occurrence] = []
        var day = from
        var taken: Set<LocalDate> = []
        while day <= to {
            // 1 = Monday … 7 = Sunday, from JapaneseHolidays' 0 = Sunday.
            let wd = (JapaneseHolidays.weekday(day) + 6) % 7 + 1
            if wd == weekday && matchesOrdinal(day) {
                if let closure = calendar.closure(on: day) {
                    if onClosure == .skip {
                        result.append(Occurrence(ruleDay: day, day: nil, closure: closure))
                    } else {
                        var moved = day.adding(days: 1)
                        while !calendar.isWorkingDay(moved) || taken.contains(moved) { moved = moved.adding(days: 1) }
                        taken.insert(moved)
                        result.append(Occurrence(ruleDay: day, day: moved, closure: closure))
                    }
                } else if !taken.contains(day) {
                    taken.insert(day)
                    result.append(Occurrence(ruleDay: day, day: day, closure: nil))
                }
                guard result.count <= Self.maxOccurrences else {
                    throw KasaneError.invalid(field: "to", message: "一度に作れる定例は\(Self.maxOccurrences)回までです。期間を短くしてください。")
                }
            }
            day = day.adding(days: 1)
        }
        return result
    }

    private func matchesOrdinal(_ day: LocalDate) -> Bool {
        guard let ordinal else { return true }
        if ordinal == 5 { return day.adding(days: 7).month != day.month }  // the last of the month
        return (day.day - 1) / 7 + 1 == ordinal
    }
}

import Foundation

/// A time of day range in Japan, `{"from": "13:00", "to": "17:00"}`.
public struct TimeRange: Codable, Sendable, Equatable {
    public var from: TimeOfDay
    public var to: TimeOfDay

    public init(from: TimeOfDay, to: TimeOfDay) {
        self.from = from
        self.to = to
    }
}

/// Finding a time everyone required can come: a pure sweep over sorted busy intervals.
///
/// Candidates lie on the city's grid (`slotMinutes`) inside office hours on working days
/// (weekends, national holidays and the city's closures excluded), no earlier than the
/// minimum notice. They are ranked: every required person free first; among those the
/// earliest day, then more optional people free, then the preferred times of day, then
/// the earliest start; at most two a day that do not overlap, so the coordinator sees a
/// choice of days and hours. If no
/// slot fits every required person, the best partial slots are given, naming who cannot
/// come. An urgent 支援会議 ignores the minimum notice and first searches today and the
/// next working day, with an hour more at each end of office hours.
public enum SlotSearch {
    public struct Input: Sendable {
        public var kind: MeetingKind
        public var required: [Int64]
        public var optional: [Int64]
        public var minutes: Int
        public var from: LocalDate
        public var to: LocalDate
        public var preferred: [TimeRange]
        public var urgent: Bool
        public var count: Int
        /// Every person's busy time, merged and sorted (`BusyInterval.merged`).
        public var busy: [Int64: [BusyInterval]]
        public var settings: MunicipalitySettings
        public var now: Date
        /// Asked for explicitly: closed days too, and 7:00–21:00 (each such candidate says so).
        public var anyTime: Bool = false

        public init(
            kind: MeetingKind, required: [Int64], optional: [Int64] = [], minutes: Int, from: LocalDate, to: LocalDate,
            preferred: [TimeRange] = [], urgent: Bool = false, count: Int = 5, busy: [Int64: [BusyInterval]],
            settings: MunicipalitySettings, now: Date
        ) {
            self.kind = kind
            self.required = required
            self.optional = optional
            self.minutes = minutes
            self.from = from
            self.to = to
            self.preferred = preferred
            self.urgent = urgent
            self.count = count
            self.busy = busy
            self.settings = settings
            self.now = now
        }
    }

    public struct Candidate: Codable, Sendable, Equatable {
        public var startsAt: Date
        public var endsAt: Date
        /// Everyone asked about who is free then.
        public var free: [Int64]
        /// Everyone asked about who is busy then (no reason: busy is all anyone sees).
        public var busy: [Int64]
        /// The required people among the busy ones: empty for a full candidate.
        public var requiredBusy: [Int64]
        public var preferredTime: Bool
        /// Outside the usual office hours (an urgent search's early or late hour).
        public var outsideOfficeHours: Bool
        /// The closure that day (a holiday, a weekend), when asked to search any time.
        public var closedDay: String? = nil
    }

    public struct Result: Codable, Sendable, Equatable {
        /// True when every candidate has every required person free.
        public var complete: Bool
        public var candidates: [Candidate]
        /// The first day searched (after the minimum notice) and the days looked at.
        public var earliestDay: LocalDate
        public var daysSearched: Int
        public var notices: [String]
    }

    public static func search(_ input: Input) -> Result {
        let rules = input.settings.schedulingRules
        let calendar = WorkingCalendar(settings: input.settings)
        let today = LocalDate.today(now: input.now)
        let duration = TimeInterval(input.minutes * 60)
        let urgent = input.urgent && input.kind == .supportMeeting
        var notices: [String] = []
        if input.urgent && !urgent {
            notices.append("緊急の扱いは支援会議だけです。重層的支援会議は通常どおり招集の最低日数を守って探しました。")
        }

        // The earliest day: today for an urgent 支援会議, else after the minimum notice.
        var earliest = today
        if !urgent {
            var workingDays = 0
            while workingDays < rules.minimumNoticeWorkingDays {
                earliest = earliest.adding(days: 1)
                if calendar.isWorkingDay(earliest) { workingDays += 1 }
            }
            earliest = earliest.adding(days: 1)
        }
        let first = max(earliest, input.from)
        var days: [LocalDate] = []
        var day = first
        while day <= input.to && days.count < 400 {
            if input.anyTime || calendar.isWorkingDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }

        let requiredSet = Set(input.required)
        let people = input.required + input.optional.filter { !requiredSet.contains($0) }
        let busyLists = people.map { input.busy[$0] ?? [] }
        var cursors = [Int](repeating: 0, count: people.count)
        // Each candidate with the index of its day and its count of optional people free,
        // so ranking never recomputes either.
        var full: [Ranked] = []
        var partial: [Ranked] = []
        let urgentDays = urgent ? Set(days.prefix(2)) : []

        for (dayIndex, day) in days.enumerated() {
            let widen = urgentDays.contains(day) ? 60 : 0
            let opens = input.anyTime ? 7 * 60 : input.settings.officeOpens.minutes - widen
            let closes = input.anyTime ? 21 * 60 : input.settings.officeCloses.minutes + widen
            let closedDay = input.anyTime ? calendar.closure(on: day) : nil
            var minute = (opens + rules.slotMinutes - 1) / rules.slotMinutes * rules.slotMinutes
            while minute + input.minutes <= closes {
                let start = day.instant(minutesAfterMidnight: minute)
                defer { minute += rules.slotMinutes }
                guard start >= input.now else { continue }
                let end = start.addingTimeInterval(duration)
                var free: [Int64] = []
                var busy: [Int64] = []
                var requiredBusy: [Int64] = []
                var optionalFree = 0
                for (index, person) in people.enumerated() {
                    let intervals = busyLists[index]
                    var i = cursors[index]
                    while i < intervals.count && intervals[i].end <= start { i += 1 }
                    cursors[index] = i
                    if i < intervals.count && intervals[i].start < end {
                        busy.append(person)
                        if requiredSet.contains(person) { requiredBusy.append(person) }
                    } else {
                        free.append(person)
                        if !requiredSet.contains(person) { optionalFree += 1 }
                    }
                }
                let preferred = input.preferred.contains { $0.from.minutes <= minute && minute + input.minutes <= $0.to.minutes }
                let candidate = Candidate(
                    startsAt: start, endsAt: end, free: free, busy: busy, requiredBusy: requiredBusy, preferredTime: preferred,
                    outsideOfficeHours: minute < input.settings.officeOpens.minutes
                        || minute + input.minutes > input.settings.officeCloses.minutes,
                    closedDay: closedDay)
                let ranked = Ranked(day: dayIndex, optionalFree: optionalFree, candidate: candidate)
                if requiredBusy.isEmpty { full.append(ranked) } else { partial.append(ranked) }
            }
        }

        let chosen: [Candidate]
        if !full.isEmpty {
            let ranked = full.sorted { x, y in
                let (a, b) = (x.candidate, y.candidate)
                if x.day != y.day { return x.day < y.day }
                if x.optionalFree != y.optionalFree { return x.optionalFree > y.optionalFree }
                if a.preferredTime != b.preferredTime { return a.preferredTime }
                return a.startsAt < b.startsAt
            }
            chosen = spread(ranked, count: input.count)
        } else {
            let ranked = partial.sorted { x, y in
                let (a, b) = (x.candidate, y.candidate)
                if a.requiredBusy.count != b.requiredBusy.count { return a.requiredBusy.count < b.requiredBusy.count }
                if x.optionalFree != y.optionalFree { return x.optionalFree > y.optionalFree }
                return a.startsAt < b.startsAt
            }
            chosen = spread(ranked, count: input.count)
            if !days.isEmpty {
                notices.append("必須の出席者が全員そろう時間はありませんでした。そろわない人が最も少ない候補を示します。")
            }
        }
        if days.isEmpty {
            notices.append("\(first)から\(input.to)までに開庁日がありません。期間を広げてください。")
        }
        return Result(
            complete: !full.isEmpty, candidates: chosen, earliestDay: first, daysSearched: days.count, notices: notices)
    }

    /// The ranked list, at most two a day; then the rest in rank order if fewer.
    struct Ranked {
        var day: Int
        var optionalFree: Int
        var candidate: Candidate
    }

    /// `candidates`, in their order, spread as the search spreads its own: two a day in
    /// Japan at most, not overlapping, then the rest if fewer than `count`.
    public static func spread(_ candidates: [Candidate], count: Int) -> [Candidate] {
        spread(candidates.map { c in
            let d = LocalDate.inTokyo(c.startsAt)
            return Ranked(day: d.year * 10_000 + d.month * 100 + d.day, optionalFree: 0, candidate: c)
        }, count: count)
    }

    static func spread(_ ranked: [Ranked], count: Int) -> [Candidate] {
        var perDay: [Int: [Candidate]] = [:]
        var chosen: [Candidate] = []
        var rest: [Candidate] = []
        for r in ranked {
            let (day, c) = (r.day, r.candidate)
            let sameDay = perDay[day, default: []]
            // Two a day at most, and not overlapping: 8:30 and 8:45 are one choice, not two.
            if chosen.count < count, sameDay.count < 2, !sameDay.contains(where: { $0.startsAt < c.endsAt && c.startsAt < $0.endsAt }) {
                chosen.append(c)
                perDay[day, default: []].append(c)
            } else {
                rest.append(c)
            }
        }
        for c in rest where chosen.count < count { chosen.append(c) }
        return chosen.sorted { $0.startsAt < $1.startsAt }
    }
}

import Foundation
import KasaneCore
import Testing

@Suite("Finding a time: the sweep over busy intervals")
struct SlotSearchTests {
    func jst(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "+09:00")! }
    func day(_ text: String) -> LocalDate { LocalDate(text)! }
    func span(_ from: String, _ to: String) -> BusyInterval { BusyInterval(start: jst(from), end: jst(to)) }

    func input(
        now: String, from: String, to: String, required: [Int64] = [1, 2], optional: [Int64] = [], minutes: Int = 90,
        busy: [Int64: [BusyInterval]] = [:], kind: MeetingKind = .multiLayeredSupportMeeting, urgent: Bool = false,
        preferred: [TimeRange] = [], count: Int = 5
    ) -> SlotSearch.Input {
        SlotSearch.Input(
            kind: kind, required: required, optional: optional, minutes: minutes, from: day(from), to: day(to),
            preferred: preferred, urgent: urgent, count: count, busy: busy.mapValues(BusyInterval.merged),
            settings: MunicipalitySettings(), now: jst(now))
    }

    @Test("The minimum notice: two working days between today and the meeting")
    func minimumNotice() {
        let result = SlotSearch.search(input(now: "2026-11-30T09:00:00", from: "2026-11-30", to: "2026-12-11"))
        #expect(result.earliestDay == day("2026-12-03"))
        #expect(result.complete)
        #expect(result.candidates.first?.startsAt == jst("2026-12-03T08:30:00"))
    }

    @Test("Weekends, a national holiday and the New Year closure are never proposed")
    func closedDays() {
        let november = SlotSearch.search(input(now: "2026-11-18T09:00:00", from: "2026-11-18", to: "2026-11-30", count: 20))
        let days = Set(november.candidates.map { LocalDate.today(now: $0.startsAt) })
        for closed in ["2026-11-21", "2026-11-22", "2026-11-23"] { #expect(!days.contains(day(closed)), "\(closed)") }
        #expect(days.contains(day("2026-11-24")))
        let newYear = SlotSearch.search(input(now: "2026-12-24T09:00:00", from: "2026-12-24", to: "2027-01-08", count: 40))
        let newYearDays = Set(newYear.candidates.map { LocalDate.today(now: $0.startsAt) })
        for closed in ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"] {
            #expect(!newYearDays.contains(day(closed)), "\(closed)")
        }
        #expect(newYearDays.contains(day("2027-01-04")))
        // Within office hours only: 8:30 to 17:15, a 90-minute meeting starting by 15:45.
        #expect(newYear.candidates.allSatisfy { !$0.outsideOfficeHours })
    }

    @Test("Busy people are avoided; with no common time, the best partial slots name who cannot come")
    func busyAndPartial() {
        let busy: [Int64: [BusyInterval]] = [
            1: [span("2026-12-03T08:00:00", "2026-12-03T13:00:00")],
            2: [span("2026-12-03T14:00:00", "2026-12-03T18:00:00")],
        ]
        let result = SlotSearch.search(input(now: "2026-11-30T09:00:00", from: "2026-12-03", to: "2026-12-03", minutes: 60, busy: busy))
        #expect(result.complete)
        #expect(result.candidates.map(\.startsAt) == [jst("2026-12-03T13:00:00")])
        // A third required person busy all afternoon: nobody-missing is impossible; each partial slot names one.
        var three = busy
        three[3] = [span("2026-12-03T12:00:00", "2026-12-03T18:00:00")]
        let partial = SlotSearch.search(input(
            now: "2026-11-30T09:00:00", from: "2026-12-03", to: "2026-12-03", required: [1, 2, 3], minutes: 60, busy: three))
        #expect(!partial.complete)
        #expect(!partial.candidates.isEmpty)
        #expect(partial.candidates.allSatisfy { $0.requiredBusy.count == 1 })
        #expect(partial.notices.contains { $0.contains("そろう時間はありません") })
    }

    @Test("More optional people free ranks first within a day; preferred times break ties")
    func ranking() {
        let busy: [Int64: [BusyInterval]] = [3: [span("2026-12-03T08:00:00", "2026-12-03T12:00:00")]]
        let result = SlotSearch.search(input(
            now: "2026-11-30T09:00:00", from: "2026-12-03", to: "2026-12-03", optional: [3], minutes: 60, busy: busy,
            preferred: [TimeRange(from: TimeOfDay("14:00")!, to: TimeOfDay("17:00")!)], count: 2))
        #expect(result.candidates.count == 2)
        #expect(result.candidates.allSatisfy { $0.free.contains(3) && $0.preferredTime })
        #expect(result.candidates[0].startsAt == jst("2026-12-03T14:00:00"))
    }

    @Test("An urgent 支援会議 searches today first, an hour beyond office hours; a 重層的支援会議 cannot be urgent")
    func urgent() {
        let support = SlotSearch.search(input(
            now: "2026-11-30T16:40:00", from: "2026-11-30", to: "2026-12-10", minutes: 60, kind: .supportMeeting, urgent: true))
        #expect(support.earliestDay == day("2026-11-30"))
        #expect(support.candidates.first?.startsAt == jst("2026-11-30T16:45:00"))
        #expect(support.candidates.first?.outsideOfficeHours == true)
        let multi = SlotSearch.search(input(
            now: "2026-11-30T16:40:00", from: "2026-11-30", to: "2026-12-10", minutes: 60, kind: .multiLayeredSupportMeeting, urgent: true))
        #expect(multi.earliestDay == day("2026-12-03"))
        #expect(multi.notices.contains { $0.contains("緊急の扱いは支援会議だけ") })
    }

    @Test("At most two candidates a day, so the coordinator sees a choice of days")
    func spread() {
        let result = SlotSearch.search(input(now: "2026-11-30T09:00:00", from: "2026-12-03", to: "2026-12-10", count: 5))
        let days = result.candidates.map { LocalDate.today(now: $0.startsAt) }
        #expect(result.candidates.count == 5)
        #expect(Set(days).count == 3)
        #expect(days == days.sorted())
    }

    @Test("Closed days and early or late hours are proposed only when asked, and each such time says so")
    func anyTime() {
        var sunday = input(now: "2026-11-18T09:00:00", from: "2026-11-22", to: "2026-11-22", count: 3)
        #expect(SlotSearch.search(sunday).candidates.isEmpty)
        sunday.anyTime = true
        let asked = SlotSearch.search(sunday)
        #expect(asked.candidates.first?.startsAt == jst("2026-11-22T07:00:00"))
        #expect(asked.candidates.allSatisfy { $0.closedDay == "日曜日" })
        #expect(asked.candidates.first?.outsideOfficeHours == true)
    }
}

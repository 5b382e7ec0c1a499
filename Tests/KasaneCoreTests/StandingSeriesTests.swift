import Foundation
import KasaneCore
import Testing

@Suite("定例: standing series around holidays")
struct StandingSeriesTests {
    func day(_ s: String) -> LocalDate { LocalDate(s)! }
    let calendar = WorkingCalendar(settings: MunicipalitySettings())

    @Test("The second Monday of every month moves off 成人の日 to the next working day, and the move is said")
    func movedAroundHoliday() throws {
        let rule = SeriesInput(
            kind: .supportMeeting, weekday: 1, ordinal: 2, startTime: TimeOfDay("14:00")!, endTime: TimeOfDay("15:30")!,
            from: day("2026-12-01"), to: day("2027-03-31"))
        let occurrences = try rule.occurrences(calendar)
        #expect(occurrences.map(\.ruleDay) == [day("2026-12-14"), day("2027-01-11"), day("2027-02-08"), day("2027-03-08")])
        #expect(occurrences[1].day == day("2027-01-12"))
        #expect(occurrences[1].closure == "成人の日")
        #expect(occurrences.filter { $0.closure == nil }.allSatisfy { $0.day == $0.ruleDay })
    }

    @Test("Every Friday skips 年末年始 when asked to skip; the last Thursday of the month is ordinal 5")
    func skipAndLast() throws {
        let fridays = try SeriesInput(
            kind: .supportMeeting, weekday: 5, startTime: TimeOfDay("10:00")!, endTime: TimeOfDay("11:00")!,
            from: day("2026-12-18"), to: day("2027-01-15"), onClosure: .skip
        ).occurrences(calendar)
        #expect(fridays.map(\.ruleDay) == [day("2026-12-18"), day("2026-12-25"), day("2027-01-01"), day("2027-01-08"), day("2027-01-15")])
        #expect(fridays[2].day == nil)
        #expect(fridays[2].closure == "元日")
        let lastThursdays = try SeriesInput(
            kind: .multiLayeredSupportMeeting, weekday: 4, ordinal: 5, startTime: TimeOfDay("13:30")!, endTime: TimeOfDay("15:00")!,
            from: day("2027-01-01"), to: day("2027-03-31")
        ).occurrences(calendar)
        #expect(lastThursdays.map(\.ruleDay) == [day("2027-01-28"), day("2027-02-25"), day("2027-03-25")])
    }

    @Test("A rule is refused with the field: a bad weekday, an end before the start, too many occurrences")
    func refusals() {
        func refused(_ rule: SeriesInput, _ field: String) {
            #expect { try rule.occurrences(calendar) } throws: { ($0 as? KasaneError)?.field == field }
        }
        let ten = TimeOfDay("10:00")!, eleven = TimeOfDay("11:00")!
        refused(SeriesInput(kind: .supportMeeting, weekday: 8, startTime: ten, endTime: eleven, from: day("2027-01-01"), to: day("2027-02-01")), "weekday")
        refused(SeriesInput(kind: .supportMeeting, weekday: 1, startTime: eleven, endTime: ten, from: day("2027-01-01"), to: day("2027-02-01")), "endTime")
        refused(SeriesInput(kind: .supportMeeting, weekday: 1, ordinal: 6, startTime: ten, endTime: eleven, from: day("2027-01-01"), to: day("2027-02-01")), "ordinal")
        refused(SeriesInput(kind: .supportMeeting, weekday: 1, startTime: ten, endTime: eleven, from: day("2027-01-01"), to: day("2028-12-01")), "to")
    }
}

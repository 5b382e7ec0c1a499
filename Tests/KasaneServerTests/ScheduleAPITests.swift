import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Finding a time through the API")
struct ScheduleAPITests {
    /// A working day at least a week ahead, and the next one.
    /// Two working days from a week ahead, neither a second Tuesday (the demo's monthly 定例 at
    /// 14:00, chaired by the coordinator), so the result does not depend on the day the tests run.
    static func workingDays() -> (LocalDate, LocalDate) {
        let calendar = WorkingCalendar(settings: MunicipalitySettings())
        func usable(_ d: LocalDate) -> Bool {
            calendar.isWorkingDay(d) && !(JapaneseHolidays.weekday(d) == 2 && (8...14).contains(d.day))
        }
        var day = LocalDate.today().adding(days: 7)
        while !usable(day) { day = day.adding(days: 1) }
        var next = day.adding(days: 1)
        while !usable(next) { next = next.adding(days: 1) }
        return (day, next)
    }

    static func stamp(_ day: LocalDate, _ time: String) -> String {
        String(format: "%04d%02d%02dT%@00", day.year, day.month, day.day, time.replacingOccurrences(of: ":", with: ""))
    }

    @Test("The search avoids a member's uploaded busy time and a Kasane meeting with its buffer; only a coordinator may search")
    func search() async throws {
        let app = try await DemoApp.make()
        let (day, _) = Self.workingDays()
        let coordinator = Actor.staff(try await app.database.staff(email: DemoSeed.coordinatorEmail))
        let member = try await app.database.staff(email: DemoSeed.involvedMemberEmail)
        // The member is busy all day except 14:00–15:30 (their own calendar).
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\n"
            + "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Asia/Tokyo:\(Self.stamp(day, "08:00"))\r\nDTEND;TZID=Asia/Tokyo:\(Self.stamp(day, "14:00"))\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Asia/Tokyo:\(Self.stamp(day, "15:30"))\r\nDTEND;TZID=Asia/Tokyo:\(Self.stamp(day, "18:00"))\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n"
        let proposal = try await app.database.proposeMembers(
            ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [app.seed.eightyFiftyCaseId]), by: coordinator)
        #expect(proposal.proposal.members.contains { $0.staffId == member.id })
        try await app.test { client in
            #expect(try await client.send(.put, "/api/v1/me/busy", token: app.member, body: ics, contentType: "text/calendar").status == .ok)
            let body = "{\"kind\":\"multiLayered\",\"proposalId\":\(proposal.id),\"minutes\":60,\"from\":\"\(day)\",\"to\":\"\(day)\",\"count\":3}"
            let found = try await client.send(.post, "/api/v1/schedule/search", token: app.coordinator, body: body)
            #expect(found.status == .ok)
            let answer = try found.json()
            #expect(answer["complete"] as? Bool == true)
            let starts = (answer["candidates"] as? [[String: Any]] ?? []).compactMap { $0["startsAt"] as? String }
            #expect(starts.first?.hasSuffix("T14:00:00+09:00") == true, "\(starts)")
            #expect(starts.allSatisfy { $0.hasSuffix("T14:00:00+09:00") || $0.hasSuffix("T14:15:00+09:00") || $0.hasSuffix("T14:30:00+09:00") })
            // A member may not search.
            #expect(try await client.send(.post, "/api/v1/schedule/search", token: app.member, body: body).status == .forbidden)
            // Bad input is named.
            let bad = try await client.send(.post, "/api/v1/schedule/search", token: app.coordinator, body: "{\"kind\":\"support\",\"minutes\":5,\"required\":[1]}")
            #expect(try bad.error()["field"] as? String == "minutes")
            let unknown = try await client.send(.post, "/api/v1/schedule/search", token: app.coordinator, body: "{\"kind\":\"support\",\"required\":[9999]}")
            #expect(unknown.status == .notFound)
        }
        // A Kasane meeting of the member from 14:00 to 14:30 (with the 15-minute buffer) leaves nothing that day.
        let meetingStart = day.instant(minutesAfterMidnight: 14 * 60)
        _ = try await app.database.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: meetingStart, endsAt: meetingStart.addingTimeInterval(1800), place: "会議室",
                         proposalId: proposal.id), by: coordinator)
        let after = try await app.database.searchSlots(
            SlotSearchRequest(kind: .multiLayeredSupportMeeting, proposalId: proposal.id, minutes: 60, from: day, to: day), by: coordinator)
        #expect(!after.complete)
        #expect(after.candidates.allSatisfy { $0.missing.contains(member.name) })
    }
}

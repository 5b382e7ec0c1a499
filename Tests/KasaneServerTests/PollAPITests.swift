import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("日程調整: a poll from creation to booking")
struct PollAPITests {
    @Test("Members answer ○△× for themselves and see counts only; the coordinator sees the table and books; the meeting follows")
    func pollToBooking() async throws {
        let app = try await DemoApp.make()
        let (day, next) = ScheduleAPITests.workingDays()
        let member = try await app.database.staff(email: DemoSeed.involvedMemberEmail)
        let outsider = try await app.database.staff(email: DemoSeed.outsideMemberEmail)
        let slots = [
            "{\"startsAt\":\"\(day)T10:00:00+09:00\",\"endsAt\":\"\(day)T11:30:00+09:00\"}",
            "{\"startsAt\":\"\(next)T14:00:00+09:00\",\"endsAt\":\"\(next)T15:30:00+09:00\"}",
        ].joined(separator: ",")
        try await app.test { client in
            let created = try await client.send(
                .post, "/api/v1/polls", token: app.coordinator,
                body: "{\"kind\":\"support\",\"required\":[1,\(member.id!)],\"optional\":[\(outsider.id!)],\"slots\":[\(slots)],\"note\":\"ご都合をお知らせください\"}")
            #expect(created.status == .created)
            let poll = try created.json()
            let id = try #require(poll["id"] as? Int)
            let slotIds = (poll["slots"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            #expect(slotIds.count == 2)

            // The member answers with the marks, then changes one answer.
            let answered = try await client.send(
                .put, "/api/v1/polls/\(id)/answers", token: app.member,
                body: "{\"answers\":[{\"slotId\":\(slotIds[0]),\"answer\":\"×\"},{\"slotId\":\(slotIds[1]),\"answer\":\"△\"}]}")
            #expect(answered.status == .ok)
            let changed = try await client.send(
                .put, "/api/v1/polls/\(id)/answers", token: app.member, body: "{\"answers\":[{\"slotId\":\(slotIds[1]),\"answer\":\"○\"}]}")
            let mine = try changed.json()["slots"] as? [[String: Any]] ?? []
            #expect(mine.map { $0["mine"] as? String } == ["no", "yes"])
            // A member sees counts, not who answered, and not the list of people asked.
            #expect(mine.allSatisfy { $0["answers"] == nil && $0["requiredNo"] == nil })
            #expect(try changed.json()["participants"] == nil)
            // The outsider (optional) answers too; a member not asked gets 404 and cannot answer.
            _ = try await client.send(.put, "/api/v1/polls/\(id)/answers", token: app.outsider, body: "{\"answers\":[{\"slotId\":\(slotIds[1]),\"answer\":\"yes\"}]}")
            #expect(try await client.send(.get, "/api/v1/polls/\(id)", token: app.secretariat).status == .notFound)
            let bad = try await client.send(.put, "/api/v1/polls/\(id)/answers", token: app.member, body: "{\"answers\":[{\"slotId\":\(slotIds[1]),\"answer\":\"たぶん\"}]}")
            #expect(bad.status == .badRequest)

            // The coordinator sees the table with names.
            let table = try await client.send(.get, "/api/v1/polls/\(id)", token: app.coordinator).json()
            let tableSlots = table["slots"] as? [[String: Any]] ?? []
            #expect(tableSlots[1]["yes"] as? Int == 2)
            #expect((tableSlots[0]["requiredNo"] as? [String]) == [member.name])
            #expect((table["participants"] as? [[String: Any]])?.count == 3)

            // Booking the slot a required member refused is refused, naming them; the other is booked.
            let refused = try await client.send(.post, "/api/v1/polls/\(id)/booking", token: app.coordinator, body: "{\"slotId\":\(slotIds[0])}")
            #expect(refused.status == .conflict)
            #expect((try refused.error()["message"] as? String)?.contains(member.name) == true)
            let booked = try await client.send(.post, "/api/v1/polls/\(id)/booking", token: app.coordinator, body: "{\"slotId\":\(slotIds[1]),\"roomId\":1}")
            #expect(booked.status == .created, "\(booked.text)")
            #expect((try booked.json()["startsAt"] as? String)?.hasPrefix("\(next)T14:00:00") == true)
            // Everyone asked is on the meeting: required as required, optional as optional.
            let people = try booked.json()["attendees"] as? [[String: Any]] ?? []
            #expect(people.contains { $0["staffId"] as? Int == Int(member.id!) && $0["role"] as? String == "required" })
            #expect(people.contains { $0["staffId"] as? Int == Int(outsider.id!) && $0["role"] as? String == "optional" })
            // Decided: no more answers, no second booking.
            let late = try await client.send(.put, "/api/v1/polls/\(id)/answers", token: app.member, body: "{\"answers\":[{\"slotId\":\(slotIds[0]),\"answer\":\"yes\"}]}")
            #expect(late.status == .conflict)
            #expect(try await client.send(.post, "/api/v1/polls/\(id)/booking", token: app.coordinator, body: "{\"slotId\":\(slotIds[1])}").status == .conflict)
            let after = try await client.send(.get, "/api/v1/polls/\(id)", token: app.member).json()
            #expect(after["status"] as? String == "booked")
            #expect(after["meetingId"] as? Int != nil)
            // A member may not open or book a poll.
            #expect(try await client.send(.post, "/api/v1/polls", token: app.member, body: "{\"kind\":\"support\",\"required\":[1],\"slots\":[\(slots)]}").status == .forbidden)
        }
    }

    @Test("A poll with no slots, a slot in the past or an unknown member is refused and nothing is stored")
    func refusals() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            for (body, field) in [
                ("{\"kind\":\"support\",\"required\":[1],\"slots\":[]}", "slots"),
                ("{\"kind\":\"support\",\"required\":[1],\"slots\":[{\"startsAt\":\"2020-01-06T10:00:00+09:00\",\"endsAt\":\"2020-01-06T11:00:00+09:00\"}]}", "slots[0].startsAt"),
            ] {
                let r = try await client.send(.post, "/api/v1/polls", token: app.coordinator, body: body)
                #expect(r.status == .badRequest)
                #expect(try r.error()["field"] as? String == field)
            }
            let (day, _) = ScheduleAPITests.workingDays()
            let unknown = try await client.send(
                .post, "/api/v1/polls", token: app.coordinator,
                body: "{\"kind\":\"support\",\"required\":[9999],\"slots\":[{\"startsAt\":\"\(day)T10:00:00+09:00\",\"endsAt\":\"\(day)T11:00:00+09:00\"}]}")
            #expect(unknown.status == .notFound)
            #expect(try await client.send(.get, "/api/v1/polls", token: app.coordinator).jsonArray().count == 1, "only the demo's own poll")
        }
    }
}

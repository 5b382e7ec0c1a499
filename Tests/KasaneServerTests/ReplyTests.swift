import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Replies from members' calendars")
struct ReplyTests {
    static func reply(uid: String, email: String, partstat: String, sequence: Int, stamp: String, method: String = "REPLY",
                      extra: String = "") -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "METHOD:\(method)",
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
            "ATTENDEE;CN=返信者;PARTSTAT=\(partstat):mailto:\(email)",
        ].joined(separator: "\r\n") + "\r\n" + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    @Test("A reply is recorded and shown; an older one is ignored; a COUNTER is kept as a proposal; bad ones change nothing")
    func replies() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let stored = try await db.proposeMembers(ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [app.seed.eightyFiftyCaseId]), by: coordinator)
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室",
                         proposalId: stored.id), by: coordinator)
        _ = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
        let member = try await db.staff(email: DemoSeed.involvedMemberEmail)
        let uid = meeting.uid

        @Sendable func response() async throws -> String {
            try await db.meetingMaterial(id: meeting.id, for: coordinator).attendees.first { $0.staffId == member.id }!.response.rawValue
        }

        try await app.test { client in
            func post(_ body: String, as token: String) async throws -> TestResponse {
                try await client.send(.post, "/api/v1/itip", token: token, body: body, contentType: "text/calendar")
            }
            let accepted = try await post(Self.reply(uid: uid, email: member.email, partstat: "ACCEPTED", sequence: 0, stamp: "20261124T020000Z"), as: app.member)
            #expect(try accepted.json()["result"] as? String == "recorded")
            #expect(try await response() == "ACCEPTED")
            // Same SEQUENCE, older DTSTAMP: stale.
            let older = try await post(Self.reply(uid: uid, email: member.email, partstat: "DECLINED", sequence: 0, stamp: "20261124T010000Z"), as: app.member)
            #expect(try older.json()["result"] as? String == "ignoredAsStale")
            #expect(try await response() == "ACCEPTED")
            // A SEQUENCE the meeting never had is refused.
            let future = try await post(Self.reply(uid: uid, email: member.email, partstat: "DECLINED", sequence: 5, stamp: "20261124T030000Z"), as: app.member)
            #expect(future.status == .badRequest)
            // The meeting moves (SEQUENCE 1); a reply to it counts, a late reply to SEQUENCE 0 does not.
            _ = try await db.updateMeeting(id: meeting.id, MeetingChangeInput(place: "第3会議室"), by: coordinator)
            let declined = try await post(Self.reply(uid: uid, email: member.email, partstat: "DECLINED", sequence: 1, stamp: "20261124T040000Z"), as: app.member)
            #expect(try declined.json()["result"] as? String == "recorded")
            let late = try await post(Self.reply(uid: uid, email: member.email, partstat: "TENTATIVE", sequence: 0, stamp: "20261124T050000Z"), as: app.member)
            #expect(try late.json()["result"] as? String == "ignoredAsStale")
            #expect(try await response() == "DECLINED")
            // A COUNTER is a proposal for the coordinator, never a change.
            let counter = try await post(Self.reply(
                uid: uid, email: member.email, partstat: "TENTATIVE", sequence: 1, stamp: "20261124T060000Z", method: "COUNTER",
                extra: "DTSTART;TZID=Asia/Tokyo:20261215T140000\r\nDTEND;TZID=Asia/Tokyo:20261215T150000\r\nCOMMENT:午後希望\r\n"), as: app.member)
            #expect(try counter.json()["result"] as? String == "counterRecorded")
            let counters = try await client.send(.get, "/api/v1/meetings/\(meeting.id)/counters", token: app.coordinator)
            #expect(try counters.jsonArray().first?["comment"] as? String == "午後希望")
            #expect(try await db.meetingMaterial(id: meeting.id, for: coordinator).startsAt == start)
            // Refused, and nothing changes: unknown UID, someone else's reply, a non-attendee (also with a
            // SEQUENCE the meeting never had), broken text. The first ones answer alike, so that a member
            // learns neither whether a meeting exists nor whether a colleague attends it.
            let unknown = try await post(Self.reply(uid: "nope@elsewhere", email: member.email, partstat: "ACCEPTED", sequence: 1, stamp: "20261124T070000Z"), as: app.member)
            let chair = try await db.staff(email: DemoSeed.coordinatorEmail)
            let forOther = try await post(Self.reply(uid: uid, email: chair.email, partstat: "DECLINED", sequence: 1, stamp: "20261124T080000Z"), as: app.member)
            let outsider = try await db.staff(email: DemoSeed.outsideMemberEmail)
            let stranger = try await post(Self.reply(uid: uid, email: outsider.email, partstat: "ACCEPTED", sequence: 1, stamp: "20261124T090000Z"), as: app.outsider)
            let strangerFuture = try await post(Self.reply(uid: uid, email: outsider.email, partstat: "ACCEPTED", sequence: 9, stamp: "20261124T090000Z"), as: app.outsider)
            let strangerForMember = try await post(Self.reply(uid: uid, email: member.email, partstat: "ACCEPTED", sequence: 1, stamp: "20261124T090000Z"), as: app.outsider)
            for answer in [unknown, forOther, stranger, strangerFuture, strangerForMember] {
                #expect(answer.status == .notFound)
                #expect(answer.text == unknown.text)
            }
            let broken = try await post("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\n", as: app.member)
            #expect(broken.status == .badRequest)
            #expect(try await response() == "DECLINED")
            // Cancelled, the meeting still answers a stranger the same way (not 「中止されています」).
            _ = try await db.cancelMeeting(id: meeting.id, CancellationInput(reason: "延期"), by: coordinator)
            let afterCancel = try await post(Self.reply(uid: uid, email: outsider.email, partstat: "ACCEPTED", sequence: 2, stamp: "20261124T100000Z"), as: app.outsider)
            #expect(afterCancel.status == .notFound && afterCancel.text == unknown.text)
            let ownAfterCancel = try await post(Self.reply(uid: uid, email: member.email, partstat: "ACCEPTED", sequence: 2, stamp: "20261124T100000Z"), as: app.member)
            #expect(ownAfterCancel.status == .conflict)
        }
        // The audit log keeps each real reason.
        let log = try await db.auditLog(AuditFilter(action: "itip", refusalsOnly: true), for: .localOperator)
        #expect(log.contains { $0.detail?.contains("他の出席者") == true })
        #expect(log.contains { $0.detail?.contains("出席者ではない") == true })
        #expect(log.contains { $0.detail?.contains("UID nope@elsewhere の会議はありません") == true })
    }

    @Test("Only the member's own meetings are in their feed; planned ones stay out until invited")
    func feedScope() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let member = try await db.staff(email: DemoSeed.involvedMemberEmail)
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let stored = try await db.proposeMembers(ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [app.seed.eightyFiftyCaseId]), by: coordinator)
        let mine = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室",
                         proposalId: stored.id), by: coordinator)
        let other = try await db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "別室"), by: coordinator)
        _ = try await db.sendInvitations(meetingId: other.id, by: coordinator)
        let token = try await db.renewFeedToken(by: .staff(member))
        // The demo's held 支援会議, which the member attended, is already there.
        let before = try await db.feed(token: token)!.invitations.map(\.uid)
        #expect(!before.contains(other.uid) && !before.contains(mine.uid))
        _ = try await db.sendInvitations(meetingId: mine.id, by: coordinator)
        #expect(try await db.feed(token: token)!.invitations.map(\.uid) == before + [mine.uid])
    }
}

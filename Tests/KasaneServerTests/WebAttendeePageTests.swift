import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite
import Testing

@testable import KasaneServer

@Suite("Web pages: attendees added, changed (退席) and removed on the meeting page")
struct WebAttendeePageTests {
    @Test("The coordinator adds an attendee (a refused one kept on the form with the rule's reason), marks 退席, and on an invited meeting confirms before anyone is mailed")
    func attendees() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let cookies = try await app.signedIn([DemoSeed.coordinatorEmail, DemoSeed.involvedMemberEmail])
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let stored = try await db.proposeMembers(ProposalRequest(kind: .supportMeeting, caseIds: [app.seed.eightyFiftyCaseId]), by: coordinator)
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室", proposalId: stored.id),
            by: coordinator)
        let unpledged = try await db.staff(email: DemoSeed.unpledgedMemberEmail)
        let kitamura = try await db.staff(email: DemoSeed.involvedMemberEmail)
        let item = try #require(try await db.meetingMaterial(id: meeting.id, for: coordinator).items.first?.id)
        let path = "/meetings/\(meeting.id)"

        try await app.test { client in
            let c = cookies[DemoSeed.coordinatorEmail]
            let page = try await client.page(path, cookie: c)
            #expect(page.text.contains("出席者を加える…") && page.text.contains("\(path)/attendees/\(kitamura.id!)"))
            // A member sees the meeting but changes nothing.
            let member = try await client.page(path, cookie: cookies[DemoSeed.involvedMemberEmail])
            #expect(member.status == .ok && !member.text.contains("出席者を加える"))
            #expect(try await client.page("\(path)/attendees/new", cookie: cookies[DemoSeed.involvedMemberEmail]).status == .notFound)

            let addPage = try await client.page("\(path)/attendees/new", cookie: c)
            #expect(addPage.status == .ok && addPage.text.contains("新井 翔太"))
            let csrf = csrfToken(addPage)
            #expect(try await client.form("\(path)/attendees", ["staffId": "\(unpledged.id!)"], cookie: c).status == .forbidden)
            // 新井 has no pledge: a 支援会議 refuses him, and the form keeps the choice and the reason typed.
            let refused = try await client.form("\(path)/attendees", [
                "csrf": csrf, "staffId": "\(unpledged.id!)", "role": "required", "item-\(item)": "on", "reason": "担当者として",
            ], cookie: c)
            #expect(refused.status == .badRequest && refused.text.contains("守秘義務"), "\(refused.text.firstMatch(of: /class="error"[^<]*</).map { String($0.0) } ?? "")")
            #expect(refused.text.contains("<option value=\"\(unpledged.id!)\" selected>") && refused.text.contains("value=\"担当者として\""))
            #expect(!(try await db.meetingMaterial(id: meeting.id, for: coordinator)).attendees.contains { $0.staffId == unpledged.id })

            // 退席 for 北村 on the first item, on a meeting not yet invited: saved at once.
            let edit = try await client.page("\(path)/attendees/\(kitamura.id!)", cookie: c)
            #expect(edit.text.contains("name=\"leave-\(item)\"") && edit.text.contains("出席者から外す"))
            let saved = try await client.form("\(path)/attendees/\(kitamura.id!)", [
                "csrf": csrf, "role": "required", "item-\(item)": "on", "leave-\(item)": "on", "reason": "利害関係のため",
            ], cookie: c)
            #expect(saved.status == .seeOther)
            let shown = try await client.page(try #require(saved.headers[.location]), cookie: c)
            #expect(shown.text.contains("出席者を変更しました"))
            #expect(try await db.meetingMaterial(id: meeting.id, for: coordinator).attendees.first { $0.staffId == kitamura.id }?.leavesFor == [item])

            // Once invited, a removal first says who is mailed; only the confirmed post changes anything.
            _ = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
            let ask = try await client.form("\(path)/attendees/\(kitamura.id!)/remove", ["csrf": csrf, "reason": "異動のため"], cookie: c)
            #expect(ask.status == .ok && ask.text.contains("取消のメール") && ask.text.contains("name=\"confirmed\" value=\"1\""))
            #expect(try await db.meetingMaterial(id: meeting.id, for: coordinator).attendees.contains { $0.staffId == kitamura.id })
            let removed = try await client.form("\(path)/attendees/\(kitamura.id!)/remove", [
                "csrf": csrfToken(ask), "reason": "異動のため", "confirmed": "1",
            ], cookie: c)
            #expect(removed.status == .seeOther)
            #expect(!(try await db.meetingMaterial(id: meeting.id, for: coordinator)).attendees.contains { $0.staffId == kitamura.id })

            // The chair cannot be taken off: no form offered, and a forged post is refused on the form.
            let chair = try await db.meetingMaterial(id: meeting.id, for: coordinator).chairId
            let chairPage = try await client.page("\(path)/attendees/\(chair)", cookie: c)
            #expect(chairPage.status == .ok && !chairPage.text.contains("出席者から外す</button>"))
            let forged = try await client.form("\(path)/attendees/\(chair)/remove", ["csrf": csrf, "confirmed": "1"], cookie: c)
            #expect(forged.status == .badRequest && forged.text.contains("議長と事務局は出席者から外せません"))
        }
        let changes = try await db.meetingChanges(id: meeting.id, for: coordinator)
        #expect(changes.contains { $0.change == .attendeeRemoved && $0.staffId == kitamura.id })
    }
}

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

@Suite("Web pages: from a case to a booked, invited meeting")
struct WebMeetingPageTests {
    @Test("The coordinator proposes members for the 8050 case, finds a time, books it, confirms and sends the invitations, and cancels with a reason")
    func coordinatorFlow() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.coordinatorEmail, DemoSeed.involvedMemberEmail, DemoSeed.outsideMemberEmail])
        let caseId = app.seed.eightyFiftyCaseId
        try await app.test { client in
            let coordinator = cookies[DemoSeed.coordinatorEmail]
            let casePage = try await client.page("/cases/\(caseId)", cookie: coordinator)
            #expect(casePage.text.contains("構成員を提案する"))
            let csrf = csrfToken(casePage)
            // Without the CSRF token nothing is proposed.
            #expect(try await client.form("/proposals", ["caseId": "\(caseId)", "kind": "support"], cookie: coordinator).status == .forbidden)
            // A date that is not a date: said next to the field, the input kept.
            let bad = try await client.form("/proposals", ["csrf": csrf, "caseId": "\(caseId)", "kind": "support", "date": "来週"], cookie: coordinator)
            #expect(bad.status == .badRequest && bad.text.contains("2026-12-01 の形") && bad.text.contains("value=\"来週\""))

            let proposed = try await client.form("/proposals", ["csrf": csrf, "caseId": "\(caseId)", "kind": "support"], cookie: coordinator)
            let proposalPath = try #require(proposed.headers[.location])
            #expect(proposed.status == .seeOther && proposalPath.hasPrefix("/proposals/"))
            let proposal = try await client.page(proposalPath, cookie: coordinator)
            // Every member with the reason, and who was left out with why (新井 has no pledge for a 支援会議).
            #expect(proposal.status == .ok && proposal.text.contains("北村 直子") && proposal.text.contains("つないだ機関"))
            #expect(proposal.text.contains("新井 翔太") && proposal.text.contains("守秘義務の確認"))

            let bogus = try await client.page(proposalPath + "/times?minutes=90&from=not-a-day", cookie: coordinator)
            #expect(bogus.status == .badRequest && bogus.text.contains("探し始める日"))
            let times = try await client.page(proposalPath + "/times?minutes=90&room=on", cookie: coordinator)
            #expect(times.status == .ok && times.text.contains("この日時で予約"))
            let first = try #require(times.text.firstMatch(of: /name="startsAt" value="(\d+)"><input type="hidden" name="endsAt" value="(\d+)"><input type="hidden" name="roomId" value="(\d*)"/))
            let made = try await client.form(proposalPath + "/book", [
                "csrf": csrfToken(times), "startsAt": String(first.1), "endsAt": String(first.2), "roomId": String(first.3),
            ], cookie: coordinator)
            #expect(made.status == .seeOther)
            let bookedPath = try #require(made.headers[.location])
            let meetingPath = String(bookedPath.split(separator: "?")[0])
            let meeting = try await client.page(bookedPath, cookie: coordinator)
            #expect(meeting.status == .ok && meeting.text.contains("会議を予約しました") && meeting.text.contains("北村 直子") && meeting.text.contains("未送信"))

            // Sending is behind a confirmation listing who gets it; the POST needs the token.
            let confirm = try await client.page(meetingPath + "/invite", cookie: coordinator)
            #expect(confirm.status == .ok && confirm.text.contains("取り消せません") && confirm.text.contains("北村 直子"))
            #expect(try await client.form(meetingPath + "/invite", [:], cookie: coordinator).status == .forbidden)
            let sent = try await client.form(meetingPath + "/invite", ["csrf": csrfToken(confirm)], cookie: coordinator)
            #expect(sent.status == .seeOther && sent.headers[.location]?.hasSuffix("done=invited") == true)
            let after = try await client.page(try #require(sent.headers[.location]), cookie: coordinator)
            #expect(after.text.contains("招集を送りました") && after.text.contains("送信済み"))
            // Sending twice is refused with the reason, on the page.
            let twice = try await client.form(meetingPath + "/invite", ["csrf": csrfToken(confirm)], cookie: coordinator)
            #expect(twice.status == .conflict && twice.text.contains("招集を送れません"))

            // The involved member sees the meeting; an outsider gets not found; a member may not send.
            #expect(try await client.page(meetingPath, cookie: cookies[DemoSeed.involvedMemberEmail]).status == .ok)
            let outsider = try await client.page(meetingPath, cookie: cookies[DemoSeed.outsideMemberEmail])
            #expect(outsider.status == .notFound && !outsider.text.contains("支援会議"))
            #expect(try await client.page(meetingPath + "/invite", cookie: cookies[DemoSeed.involvedMemberEmail]).status == .notFound)
            #expect(try await client.page(proposalPath, cookie: cookies[DemoSeed.involvedMemberEmail]).status == .notFound)

            // Cancelling needs a reason: refused without one, the page says so; with one, done.
            let cancelPage = try await client.page(meetingPath + "/cancel", cookie: coordinator)
            #expect(cancelPage.text.contains("元に戻せません") && cancelPage.text.contains("取消のメール"))
            let noReason = try await client.form(meetingPath + "/cancel", ["csrf": csrfToken(cancelPage), "reason": ""], cookie: coordinator)
            #expect(noReason.status == .badRequest && noReason.text.contains("中止の理由"))
            let cancelled = try await client.form(meetingPath + "/cancel", ["csrf": csrfToken(cancelPage), "reason": "本人の入院のため延期"], cookie: coordinator)
            #expect(cancelled.status == .seeOther)
            #expect(try await client.page(meetingPath, cookie: coordinator).text.contains("本人の入院のため延期"))
        }
        let coordinator = Actor.staff(try await app.database.staff(email: DemoSeed.coordinatorEmail))
        let booked = try #require(try await app.database.meetings(for: coordinator).max { $0.id < $1.id }?.id)
        let material = try await app.database.meetingMaterial(id: booked, for: coordinator)
        #expect(material.status == .cancelled && material.cancellationReason == "本人の入院のため延期")
        let messages = try await app.database.messages(meetingId: booked, for: coordinator)
        #expect(messages.contains { $0.method == .request } && messages.contains { $0.method == .cancel })
    }

    @Test("A 重層的支援会議 for a case without consent proposes no one and says why; no kind chosen is said on the case page, the date kept")
    func refusedProposal() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.coordinatorEmail])
        let coordinator = Actor.staff(try await app.database.staff(email: DemoSeed.coordinatorEmail))
        let noConsent = try #require(try await app.database.cases(for: coordinator).first { $0.summary.contains("同意はまだ") }?.id)
        try await app.test { client in
            let cookie = cookies[DemoSeed.coordinatorEmail]
            let page = try await client.page("/cases/\(noConsent)", cookie: cookie)
            let proposed = try await client.form(
                "/proposals", ["csrf": csrfToken(page), "caseId": "\(noConsent)", "kind": "multiLayered"], cookie: cookie)
            let proposal = try await client.page(try #require(proposed.headers[.location]), cookie: cookie)
            #expect(proposal.text.contains("本人同意が記録されていません") && proposal.text.contains("同意のない事例は支援会議で扱えます"))
            #expect(proposal.text.contains("この提案では会議を開けません") && !proposal.text.contains("候補を探す"))
            let supportProposal = try await client.form(
                "/proposals", ["csrf": csrfToken(page), "caseId": "\(noConsent)", "kind": "support"], cookie: cookie)
            #expect(try await client.page(try #require(supportProposal.headers[.location]), cookie: cookie).text.contains("候補を探す"))

            let noKind = try await client.form("/proposals", ["csrf": csrfToken(page), "caseId": "\(noConsent)", "date": "2027-01-15"], cookie: cookie)
            #expect(noKind.status == .badRequest && noKind.text.contains("会議の種類を選んでください") && noKind.text.contains("value=\"2027-01-15\""))
        }
    }
}

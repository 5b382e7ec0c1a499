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

@Suite("Web pages: recording and withdrawing consent on the case page")
struct WebConsentPageTests {
    @Test("The coordinator records a consent (refusals beside the field, input kept), then withdraws it behind a confirmation that names the invited meeting it changes")
    func recordAndWithdraw() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let cookies = try await app.signedIn([DemoSeed.coordinatorEmail, DemoSeed.involvedMemberEmail, DemoSeed.outsideMemberEmail])
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let caseId = app.seed.eightyFiftyCaseId
        // An invited 重層的支援会議 with the 8050 case on its agenda.
        let stored = try await db.proposeMembers(ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [caseId]), by: coordinator)
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室",
                         proposalId: stored.id), by: coordinator)
        _ = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
        let before = try await db.consents(caseId: caseId, for: coordinator)

        try await app.test { client in
            let c = cookies[DemoSeed.coordinatorEmail]
            let page = try await client.page("/cases/\(caseId)", cookie: c)
            #expect(page.text.contains("本人同意を記録する") && page.text.contains("この同意の撤回を記録する"))
            let csrf = csrfToken(page)
            // A member reads the case but records nothing: no form, and a post is not found.
            let memberPage = try await client.page("/cases/\(caseId)", cookie: cookies[DemoSeed.involvedMemberEmail])
            #expect(memberPage.status == .ok && !memberPage.text.contains("本人同意を記録する") && !memberPage.text.contains("撤回を記録する"))
            let memberPost = try await client.form("/cases/\(caseId)/consents", [
                "csrf": csrfToken(memberPage), "givenBy": "1", "givenOn": "2026-11-01", "scope": "all", "purpose": "協議",
            ], cookie: cookies[DemoSeed.involvedMemberEmail])
            #expect(memberPost.status == .notFound)
            // Without the token nothing is recorded.
            #expect(try await client.form("/cases/\(caseId)/consents", ["givenOn": "2026-11-01"], cookie: c).status == .forbidden)

            let principal = try #require(page.text.firstMatch(of: /<option value="(\d+)" selected>/)).1
            // A future date: refused beside the date, the purpose kept.
            let future = try await client.form("/cases/\(caseId)/consents", [
                "csrf": csrf, "givenBy": String(principal), "givenOn": LocalDate.today().adding(days: 3).description, "scope": "all",
                "purpose": "世帯全体の支援方針を協議するため",
            ], cookie: c)
            #expect(future.status == .badRequest && future.text.contains("id=\"givenOn-error\"") && future.text.contains("未来の日付"))
            #expect(future.text.contains("value=\"世帯全体の支援方針を協議するため\"") && future.text.contains("<details open>"))
            // Only some agencies, but none chosen: said beside the choices.
            let none = try await client.form("/cases/\(caseId)/consents", [
                "csrf": csrf, "givenBy": String(principal), "givenOn": LocalDate.today().description, "scope": "agencies", "purpose": "協議",
            ], cookie: c)
            #expect(none.status == .badRequest && none.text.contains("id=\"scope-error\"") && none.text.contains("1つ以上選んでください"))
            #expect(try await db.consents(caseId: caseId, for: coordinator) == before)

            let recorded = try await client.form("/cases/\(caseId)/consents", [
                "csrf": csrf, "givenBy": String(principal), "givenOn": LocalDate.today().description, "scope": "all",
                "purpose": "世帯全体の支援方針を協議するため", "expiresOn": LocalDate.today().adding(days: 20).description,
            ], cookie: c)
            #expect(recorded.status == .seeOther)
            let after = try await client.page(try #require(recorded.headers[.location]), cookie: c)
            #expect(after.text.contains("本人同意を記録しました") && after.text.contains("重層的支援会議の構成員すべて"))
            // Dates in 令和, with 西暦 on hover and for machines.
            let today = LocalDate.today()
            #expect(after.text.contains("<time datetime=\"\(today)\" title=\"\(JapaneseEra.westernDateName(today))\">\(JapaneseEra.dateName(today))</time>取得"))
            let consents = try await db.consents(caseId: caseId, for: coordinator)
            #expect(consents.count == before.count + 1)
            let newest = try #require(consents.last?.id)

            // Withdrawing the older consent: the newer one still covers, so no meeting changes.
            let older = try #require(before.first?.id)
            let olderConfirm = try await client.page("/cases/\(caseId)/consents/\(older)/withdraw", cookie: c)
            #expect(olderConfirm.status == .ok && olderConfirm.text.contains("この撤回で変わるものはありません"))

            // Both withdrawn leaves the case without consent: the confirmation names the invited meeting first.
            let withdrawOlder = try await client.form("/cases/\(caseId)/consents/\(older)/withdraw", [
                "csrf": csrfToken(olderConfirm), "reason": "本人の申し出",
            ], cookie: c)
            #expect(withdrawOlder.status == .seeOther)
            let confirm = try await client.page("/cases/\(caseId)/consents/\(newest)/withdraw", cookie: c)
            #expect(confirm.text.contains("取り消せません") && confirm.text.contains("議題1件") && confirm.text.contains("変更のメールが届きます"))
            // No reason: refused on the confirmation page, nothing withdrawn.
            let noReason = try await client.form("/cases/\(caseId)/consents/\(newest)/withdraw", ["csrf": csrfToken(confirm), "reason": ""], cookie: c)
            #expect(noReason.status == .badRequest && noReason.text.contains("撤回の理由"))
            #expect(try await db.consents(caseId: caseId, for: coordinator).last?.withdrawnOn == nil)
            let done = try await client.form("/cases/\(caseId)/consents/\(newest)/withdraw", [
                "csrf": csrfToken(confirm), "reason": "本人の申し出（情報共有に不安）",
            ], cookie: c)
            #expect(done.status == .seeOther)
            let shown = try await client.page(try #require(done.headers[.location]), cookie: c)
            // The invited one made here and the demo's own upcoming one.
            #expect(shown.text.contains("今後の重層的支援会議2件から") && shown.text.contains("本人の申し出（情報共有に不安）"))
            // Twice is refused: the link is gone, and the page answers with the reason.
            #expect(!shown.text.contains("/consents/\(newest)/withdraw"))
            let again = try await client.page("/cases/\(caseId)/consents/\(newest)/withdraw", cookie: c)
            #expect(again.status == .conflict || again.text.contains("撤回済み"))
            // An outsider cannot even learn the case exists.
            #expect(try await client.page("/cases/\(caseId)/consents/\(newest)/withdraw", cookie: cookies[DemoSeed.outsideMemberEmail]).status == .notFound)
        }
        let material = try await db.meetingMaterial(id: meeting.id, for: coordinator)
        #expect(!material.items.contains { $0.caseId == caseId })
    }

    @Test("Home lists consents that run out within 30 days for the coordinator, and the open polls; a member sees no consents")
    func homeLists() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.coordinatorEmail, DemoSeed.involvedMemberEmail])
        try await app.test { client in
            let home = try await client.page("/home", cookie: cookies[DemoSeed.coordinatorEmail])
            #expect(home.text.contains("30日以内に有効期限が来る本人同意") && home.text.contains("K-2026-007"))
            // The 8050 case's consent runs to next summer: not listed.
            #expect(!home.text.contains("K-2026-001</a>: 有効期限"))
            #expect(home.text.contains("回答受付中の日程調整"))
            let member = try await client.page("/home", cookie: cookies[DemoSeed.involvedMemberEmail])
            #expect(!member.text.contains("有効期限が来る本人同意"))
        }
    }

    @Test("The consent and pledge forms offer the day of the database's clock, not the machine's")
    func formsOfferTheClocksDay() async throws {
        let base = try await DemoApp.make()
        let cookies = try await base.signedIn([DemoSeed.coordinatorEmail, DemoSeed.administratorEmail])
        // The same city three days earlier: a page must say that day, as the change it posts would.
        let day = LocalDate.today().adding(days: -3)
        let app = DemoApp(
            database: base.database.at(day: day), seed: base.seed, coordinator: base.coordinator, secretariat: base.secretariat,
            member: base.member, outsider: base.outsider, administrator: base.administrator)
        let coordinator = try await base.database.staff(email: DemoSeed.coordinatorEmail)
        try await app.test { client in
            let c = cookies[DemoSeed.coordinatorEmail]
            let casePage = try await client.page("/cases/\(app.seed.eightyFiftyCaseId)", cookie: c)
            #expect(casePage.text.contains("name=\"givenOn\" value=\"\(day)\""))
            let staffPage = try await client.page("/admin/staff/\(coordinator.id!)", cookie: cookies[DemoSeed.administratorEmail])
            #expect(staffPage.status == .ok)
            #expect(staffPage.text.contains("name=\"pledgedOn\" value=\"\(day)\""))
        }
    }
}

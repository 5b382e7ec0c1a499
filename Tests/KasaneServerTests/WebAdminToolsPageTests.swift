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

@Suite("Web pages: pledges, tokens, the audit log, settings and the archive")
struct WebAdminToolsPageTests {
    @Test("The administrator records a pledge (a future date refused beside the field), sends a sign-in link, sees the member's own token and revokes it after a confirmation; issues none for anyone")
    func staffPage() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let cookies = try await app.signedIn([DemoSeed.administratorEmail, DemoSeed.coordinatorEmail])
        let arai = try await db.staff(email: DemoSeed.unpledgedMemberEmail)
        let path = "/admin/staff/\(arai.id!)"
        try await app.test { client in
            let admin = cookies[DemoSeed.administratorEmail]
            #expect(try await client.page("/admin/directory", cookie: admin).text.contains("href=\"\(path)\""))
            let page = try await client.page(path, cookie: admin)
            #expect(page.status == .ok && page.text.contains("記録はありません"))
            #expect(try await client.page(path, cookie: cookies[DemoSeed.coordinatorEmail]).status == .notFound)
            let csrf = csrfToken(page)
            let future = LocalDate.today().adding(days: 2).description
            let refused = try await client.form("\(path)/pledges", ["csrf": csrf, "pledgedOn": future, "note": "誓約書"], cookie: admin)
            #expect(refused.status == .badRequest && refused.text.contains("id=\"pledge-error\"") && refused.text.contains("value=\"\(future)\""))
            #expect(try await db.pledges(staffId: arai.id!).isEmpty)
            let recorded = try await client.form("\(path)/pledges", ["csrf": csrf, "pledgedOn": LocalDate.today().description, "note": "誓約書"], cookie: admin)
            #expect(recorded.status == .seeOther)
            #expect(try await client.page(try #require(recorded.headers[.location]), cookie: admin).text.contains("守秘義務の確認を記録しました"))
            #expect(try await db.pledges(staffId: arai.id!).count == 1)

            let link = try await client.form("\(path)/link", ["csrf": csrf], cookie: admin)
            #expect(link.status == .seeOther && link.headers[.location]?.hasSuffix("done=link") == true)

            // Tokens are issued by their owner only: the administrator's page has no such form, and its old address does nothing.
            #expect(!page.text.contains("\(path)/tokens"))
            #expect(try await client.form("\(path)/tokens", ["csrf": csrf, "label": "代理"], cookie: admin).status == .notFound)
            #expect(try await db.tokens(staffId: arai.id!).isEmpty)
        }
        // 新井 issues his own on his page, shown once; the administrator can revoke it behind a confirmation.
        let araiCookie = try await app.signedIn([DemoSeed.unpledgedMemberEmail])[DemoSeed.unpledgedMemberEmail]
        try await app.test { client in
            let admin = cookies[DemoSeed.administratorEmail]
            let mine = try await client.page("/me/tokens", cookie: araiCookie)
            #expect(mine.status == .ok && mine.text.contains("本人だけが発行"))
            let empty = try await client.form("/me/tokens", ["csrf": csrfToken(mine), "label": ""], cookie: araiCookie)
            #expect(empty.status == .badRequest && empty.text.contains("id=\"token-error\""))
            let issued = try await client.form("/me/tokens", ["csrf": csrfToken(mine), "label": "庁内システム連携"], cookie: araiCookie)
            let token = try #require(issued.text.firstMatch(of: /id="issued" type="text" readonly size="50" value="([^"]+)"/)).1
            #expect(try await db.staff(forToken: String(token))?.id == arai.id)
            // Shown once: the page read again does not carry it.
            #expect(!(try await client.page("/me/tokens", cookie: araiCookie)).text.contains(String(token)))
            let record = try #require(try await db.tokens(staffId: arai.id!).first)
            #expect(try await client.page(path, cookie: admin).text.contains("庁内システム連携"))
            let confirm = try await client.page("/tokens/\(record.id!)/revoke", cookie: admin)
            #expect(confirm.text.contains("元に戻せません") && confirm.text.contains("庁内システム連携"))
            #expect(try await db.staff(forToken: String(token)) != nil)
            // Another member cannot even see it.
            let other = try await app.signedIn([DemoSeed.outsideMemberEmail])[DemoSeed.outsideMemberEmail]
            #expect(try await client.page("/tokens/\(record.id!)/revoke", cookie: other).status == .notFound)
            let revoked = try await client.form("/tokens/\(record.id!)/revoke", ["csrf": csrfToken(confirm)], cookie: admin)
            #expect(revoked.status == .seeOther)
            #expect(try await db.staff(forToken: String(token)) == nil)
            // Revoked once: the confirmation is gone.
            #expect(try await client.page("/tokens/\(record.id!)/revoke", cookie: admin).status == .notFound)
        }
    }

    @Test("The audit log filters by person, case, action, dates and refusals, downloads the same rows as CSV, says what is wrong with a bad date; others get not found")
    func auditPage() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.administratorEmail, DemoSeed.outsideMemberEmail])
        try await app.test { client in
            let admin = cookies[DemoSeed.administratorEmail]
            // The outsider tries the 8050 case: refused, and logged.
            #expect(try await client.page("/cases/\(app.seed.eightyFiftyCaseId)", cookie: cookies[DemoSeed.outsideMemberEmail]).status == .notFound)
            #expect(try await client.page("/admin/audit", cookie: cookies[DemoSeed.outsideMemberEmail]).status == .notFound)
            let all = try await client.page("/admin/audit", cookie: admin)
            #expect(all.status == .ok && all.text.contains("監査ログ"))
            let refusals = try await client.page("/admin/audit?refusalsOnly=true&caseCode=K-2026-001&action=case&from=&to=", cookie: admin)
            #expect(refusals.text.contains("case.read") && refusals.text.contains("児玉") && refusals.text.contains("拒否"))
            #expect(!refusals.text.contains(">許可<"))
            #expect(refusals.text.contains("href=\"/admin/audit.csv?caseCode=K-2026-001&amp;action=case&amp;refusalsOnly=true\""))
            let csv = try await client.page("/admin/audit.csv?caseCode=K-2026-001&action=case&refusalsOnly=true", cookie: admin)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true && csv.text.contains("case.read") && !csv.text.contains("南野"))
            let bad = try await client.page("/admin/audit?from=昨日", cookie: admin)
            #expect(bad.status == .badRequest && bad.text.contains("開始日") && bad.text.contains("value=\"昨日\""))
        }
    }

    @Test("Settings: names, hours and closures saved; a bad time or closure line refused beside its fields with the input kept; rooms added, refused and retired; targets saved")
    func settingsPage() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let cookies = try await app.signedIn([DemoSeed.administratorEmail, DemoSeed.coordinatorEmail])
        try await app.test { client in
            let admin = cookies[DemoSeed.administratorEmail]
            #expect(try await client.page("/admin/settings", cookie: cookies[DemoSeed.coordinatorEmail]).status == .notFound)
            let page = try await client.page("/admin/settings", cookie: admin)
            #expect(page.status == .ok && page.text.contains("みなみ野市"))
            let csrf = csrfToken(page)
            let before = try await db.settings()
            var fields = [
                "csrf": csrf, "municipalityName": "みなみ野市", "supportMeetingName": "支援会議",
                "multiLayeredMeetingName": "まるごと支援会議", "officeOpens": "25:00", "officeCloses": "17:15",
                "closureDates": "2026-12-28\n来年", "yearlyClosures": "12-29〜01-03 年末年始",
            ]
            let badTime = try await client.form("/admin/settings", fields, cookie: admin)
            #expect(badTime.status == .badRequest && badTime.text.contains("id=\"hours-error\"") && badTime.text.contains("value=\"まるごと支援会議\""))
            fields["officeOpens"] = "08:30"
            let badDay = try await client.form("/admin/settings", fields, cookie: admin)
            #expect(badDay.status == .badRequest && badDay.text.contains("id=\"closures-error\"") && badDay.text.contains("2行目「来年」"))
            #expect(try await db.settings() == before)
            fields["closureDates"] = "2026-12-28"
            let saved = try await client.form("/admin/settings", fields, cookie: admin)
            #expect(saved.status == .seeOther)
            let after = try await db.settings()
            #expect(after.multiLayeredMeetingName == "まるごと支援会議" && after.closureDates == [LocalDate(year: 2026, month: 12, day: 28)!])
            #expect(after.yearlyClosures == [.newYear])

            let rooms = try await db.rooms().count
            let noCapacity = try await client.form("/admin/rooms", ["csrf": csrf, "name": "第5会議室", "capacity": ""], cookie: admin)
            #expect(noCapacity.status == .badRequest && noCapacity.text.contains("定員") && noCapacity.text.contains("value=\"第5会議室\""))
            #expect(try await db.rooms().count == rooms)
            #expect(try await client.form("/admin/rooms", ["csrf": csrf, "name": "第5会議室", "capacity": "8"], cookie: admin).status == .seeOther)
            let added = try #require(try await db.rooms().first { $0.name == "第5会議室" })
            #expect(added.capacity == 8 && added.active)
            #expect(try await client.form("/admin/rooms/\(added.id!)", ["csrf": csrf, "active": "false"], cookie: admin).status == .seeOther)
            #expect(try await db.room(id: added.id!).active == false)

            let year = LocalDate.today().fiscalYear() + 1
            let badTarget = try await client.form("/admin/targets", ["csrf": csrf, "fiscalYear": "\(year)", "target-supportMeetings": "たくさん"], cookie: admin)
            #expect(badTarget.status == .badRequest && badTarget.text.contains("整数") && badTarget.text.contains("value=\"たくさん\""))
            let targets = try await client.form("/admin/targets", [
                "csrf": csrf, "fiscalYear": "\(year)", "target-supportMeetings": "6", "target-plansMade": "4",
            ], cookie: admin)
            #expect(targets.status == .seeOther)
            let stored = (try await db.settings().targets ?? []).filter { $0.fiscalYear == year }
            #expect(Set(stored.map { "\($0.figure.rawValue)=\($0.value)" }) == ["supportMeetings=6", "plansMade=4"])
            #expect(try await client.page("/admin/settings?fiscalYear=\(year)", cookie: admin).text.contains("value=\"6\""))
        }
    }

    @Test("The secretariat downloads the year's archive as a zip from the page; a member gets not found")
    func archivePage() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.secretariatEmail, DemoSeed.involvedMemberEmail])
        try await app.test { client in
            let secretariat = cookies[DemoSeed.secretariatEmail]
            let page = try await client.page("/archive", cookie: secretariat)
            #expect(page.status == .ok && page.text.contains("zip をダウンロードする"))
            #expect(try await client.page("/archive", cookie: cookies[DemoSeed.involvedMemberEmail]).status == .notFound)
            let year = LocalDate.today().fiscalYear()
            #expect(try await client.form("/archive", ["fiscalYear": "\(year)"], cookie: secretariat).status == .forbidden)
            let zip = try await client.form("/archive", ["csrf": csrfToken(page), "fiscalYear": "\(year)"], cookie: secretariat)
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(zip.headers[.contentDisposition]?.contains("kasane-archive-FY\(year).zip") == true)
            #expect(zip.body.readableBytes > 1000 && zip.headers[HTTPField.Name("X-Manifest-SHA256")!]?.count == 64)
            let bad = try await client.form("/archive", ["csrf": csrfToken(page), "fiscalYear": "1800"], cookie: secretariat)
            #expect(bad.status == .badRequest && bad.text.contains("2000から2100"))
        }
    }
}

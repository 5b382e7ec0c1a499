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

@Suite("Web pages: a member's own calendar taken in as busy time")
struct WebBusyPageTests {
    static func calendar(daysAhead: Int) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let start = Date().addingTimeInterval(Double(daysAhead) * 86400)
        return [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Outlook-like//JA",
            "BEGIN:VEVENT", "UID:busy-1@test", "DTSTAMP:\(f.string(from: Date()))",
            "DTSTART:\(f.string(from: start))", "DTEND:\(f.string(from: start.addingTimeInterval(5400)))",
            "SUMMARY:訪問（南野様宅）", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
    }

    @Test("A member uploads an .ics and sees what is held (no summary kept); a broken file is refused with the reason and the earlier one stays; clearing empties it")
    func upload() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.involvedMemberEmail])
        let member = Actor.staff(try await app.database.staff(email: DemoSeed.involvedMemberEmail))
        try await app.test { client in
            let cookie = cookies[DemoSeed.involvedMemberEmail] ?? ""
            let page = try await client.page("/me/busy", cookie: cookie)
            // The demo has taken in her calendar already.
            let before = try await app.database.busySummary(for: member)
            #expect(page.status == .ok && page.text.contains("\(before.events)件（予定ありの時間 \(before.intervals)か所）") && page.text.contains("enctype=\"multipart/form-data\""))
            func post(_ ics: String, csrf: String) async throws -> TestResponse {
                let (type, body) = WebAdminPageTests.multipart([("csrf", nil, csrf), ("calendar", "outlook.ics", ics)])
                return try await client.execute(uri: "/me/busy", method: .post, headers: [.contentType: type, .cookie: cookie], body: body)
            }
            #expect(try await post(Self.calendar(daysAhead: 3), csrf: "wrong").status == .forbidden)
            #expect(try await app.database.busySummary(for: member) == before)

            let taken = try await post(Self.calendar(daysAhead: 3), csrf: csrfToken(page))
            #expect(taken.status == .ok && taken.text.contains("予定を取り込みました（予定1件）") && taken.text.contains("1件（予定ありの時間 1か所）"))
            // Only the time is kept: the event's words are not shown back or stored.
            #expect(!taken.text.contains("南野"))
            #expect(try await app.database.busySummary(for: member).intervals == 1)

            let broken = try await post("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:not-a-date\r\n", csrf: csrfToken(page))
            #expect(broken.status == .badRequest && broken.text.contains("id=\"calendar-error\""))
            let empty = try await post("", csrf: csrfToken(page))
            #expect(empty.status == .badRequest && empty.text.contains("ファイルが選ばれていない"))
            #expect(try await app.database.busySummary(for: member).intervals == 1)

            let cleared = try await client.form("/me/busy/clear", ["csrf": csrfToken(page)], cookie: cookie)
            #expect(cleared.status == .seeOther)
            #expect(try await client.page("/me/busy?done=cleared", cookie: cookie).text.contains("予定を消しました"))
            #expect(try await app.database.busySummary(for: member).intervals == 0)
            #expect(try await client.page("/me/busy", cookie: cookie).text.contains("まだ取り込まれていません"))
        }
    }
}

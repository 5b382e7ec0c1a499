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

@Suite("Web pages: the minutes editor and the chair's approval")
struct WebMinutesPageTests {
    @Test("The secretariat drafts and fills the minutes as form fields, a bad decision is said beside it with the input kept, the chair approves after a confirmation and the plan is approved; a correction needs a reason")
    func minutesFlow() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.secretariatEmail, DemoSeed.coordinatorEmail, DemoSeed.involvedMemberEmail])
        let secretariat = Actor.staff(try await app.database.staff(email: DemoSeed.secretariatEmail))
        let waiting = try #require(try await app.database.meetings(for: secretariat).first { $0.status == .held })
        let material = try await app.database.meetingMaterial(id: waiting.id, for: secretariat)
        let item = try #require(material.items.first)
        let caseId = try #require(item.caseId)
        let path = "/meetings/\(waiting.id)/minutes"
        // The demo's hand-backs already wait in the outbox.
        let waitingNotices = try await app.database.unmailedNotices()
        try await app.test { client in
            let sec = cookies[DemoSeed.secretariatEmail], chair = cookies[DemoSeed.coordinatorEmail]
            let empty = try await client.page(path, cookie: sec)
            #expect(empty.status == .ok && empty.text.contains("議事録の下書きを作る"))
            // Nobody but the secretariat and the chair sees minutes that do not exist yet.
            #expect(try await client.page(path, cookie: cookies[DemoSeed.involvedMemberEmail]).status == .notFound)
            let drafted = try await client.form(path + "/draft", ["csrf": csrfToken(empty)], cookie: sec)
            #expect(drafted.status == .seeOther)
            let editor = try await client.page(path, cookie: sec)
            #expect(editor.text.contains("name=\"i\(item.id)-summary\"") && editor.text.contains("プラン承認") && editor.text.contains("役割分担"))
            // Decisions offered are those of the item's purpose: no 終結 under a plan review.
            #expect(!editor.text.contains("value=\"planTerminated\""))

            // A role without its agency: refused, said at that decision, the summary kept; the draft unchanged.
            let summary = "家計の収支を確認し、債務整理の相談につなぐ方針を確認した。"
            let bad = try await client.form(path, [
                "csrf": csrfToken(editor), "i\(item.id)-summary": summary,
                "i\(item.id)-d0-kind": "planApproved", "i\(item.id)-d1-kind": "roleAssigned", "i\(item.id)-d1-text": "家計相談",
            ], cookie: sec)
            #expect(bad.status == .badRequest && bad.text.contains("役割分担には機関と役割を指定してください") && !bad.text.contains("agencyId"))
            #expect(bad.text.contains(summary) && bad.text.contains(">家計相談</textarea>"))
            // Said once at the top and once at the decision, not at every other row.
            #expect(bad.text.ranges(of: "入力に誤りがあります").count == 1 && bad.text.ranges(of: "役割分担には機関と役割").count == 1)
            #expect(!editor.text.contains("決定1（）"))
            let unchanged = try await app.database.minutes(meetingId: waiting.id, for: secretariat)
            #expect(unchanged.items[0].decisions.isEmpty && unchanged.items[0].summary?.isEmpty != false)

            // Asking the chair to approve an empty draft is refused with the reason; nothing is mailed.
            let tooSoon = try await client.form(path + "/request", ["csrf": csrfToken(editor)], cookie: sec)
            #expect(tooSoon.status == .conflict && tooSoon.text.contains("要旨も決定も空です。書き入れてから承認を依頼してください"))
            #expect(try await app.database.unmailedNotices() == waitingNotices)

            let saved = try await client.form(path, [
                "csrf": csrfToken(editor), "i\(item.id)-summary": summary, "i\(item.id)-d0-kind": "planApproved",
            ], cookie: sec)
            #expect(saved.status == .seeOther)
            // Then the secretariat asks the chair, after a confirmation saying a mail goes; a member may not.
            #expect(try await client.page(path + "/request", cookie: cookies[DemoSeed.involvedMemberEmail]).status == .notFound)
            let ask = try await client.page(path + "/request", cookie: sec)
            #expect(ask.status == .ok && ask.text.contains("相沢 美咲") && ask.text.contains("取り消せません"))
            let requested = try await client.form(path + "/request", ["csrf": csrfToken(ask)], cookie: sec)
            #expect(requested.headers[.location]?.hasSuffix("done=requested") == true)
            let notices = try await app.database.unmailedNotices().filter { !waitingNotices.contains($0) }
            #expect(notices.count == 1 && notices[0].email == DemoSeed.coordinatorEmail && notices[0].subject.contains("議事録の承認のお願い"))
            // Codes only: neither the case code nor anyone's name is in the notice.
            #expect(!notices[0].body.contains(item.caseCode ?? "K-") && !notices[0].body.contains("南野") && notices[0].body.contains(path))
            // The secretariat cannot approve; the chair's page offers it, behind a confirmation naming what it moves.
            #expect(!(try await client.page(path, cookie: sec)).text.contains("この版を承認する"))
            #expect(try await client.page(path + "/approve", cookie: sec).status == .notFound)
            let review = try await client.page(path, cookie: chair)
            #expect(review.text.contains("この版を承認する") && review.text.contains(summary))
            let confirm = try await client.page(path + "/approve", cookie: chair)
            #expect(confirm.text.contains("支援プランに反映") && confirm.text.contains("プラン承認"))
            #expect(try await client.form(path + "/approve", [:], cookie: chair).status == .forbidden)
            let approved = try await client.form(path + "/approve", ["csrf": csrfToken(confirm)], cookie: chair)
            #expect(approved.status == .seeOther && approved.headers[.location]?.hasSuffix("done=approved") == true)

            // Approved minutes take no edit: the page offers none, and a post is refused with the reason.
            let locked = try await client.page(path, cookie: sec)
            #expect(!locked.text.contains("下書きを保存する") && locked.text.contains("訂正版を作る"))
            let late = try await client.form(path, ["csrf": csrfToken(locked), "i\(item.id)-summary": "書き換え"], cookie: sec)
            #expect(late.status == .badRequest || late.status == .conflict)
            #expect(try await app.database.minutes(meetingId: waiting.id, for: secretariat).items[0].summary == summary)

            // A correction needs a reason; with one it is a new version, the first still readable.
            let noReason = try await client.form(path + "/correct", ["csrf": csrfToken(locked), "reason": ""], cookie: sec)
            #expect(noReason.status == .conflict && noReason.text.contains("訂正の理由"))
            let corrected = try await client.form(path + "/correct", ["csrf": csrfToken(locked), "reason": "概要の誤記"], cookie: sec)
            #expect(corrected.status == .seeOther)
            let versions = try await client.page(path, cookie: sec)
            #expect(versions.text.contains("第2版（表示中）") && versions.text.contains("概要の誤記") && versions.text.contains("?version=1"))
            #expect(try await client.page(path + "?version=1", cookie: sec).text.contains("承認済み"))

            let print = try await client.page("/meetings/\(waiting.id)/print/minutes?reading=distributed&version=1", cookie: sec)
            #expect(print.status == .ok && print.text.contains("@page") && !print.text.contains(summary))
        }
        let coordinator = Actor.staff(try await app.database.staff(email: DemoSeed.coordinatorEmail))
        let plan = try #require(try await app.database.plans(caseId: caseId, for: coordinator).last)
        #expect(plan.state == .inProgress || plan.state == .approved)
        #expect(plan.history.contains { $0.decision == .planApproved })
    }
}

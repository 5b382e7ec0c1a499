import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite
import GRDB
import HummingbirdOTP
import NIOCore
import Testing

@testable import KasaneServer

extension TestClientProtocol {
    /// Posts an HTML form, with a cookie when given.
    func form(_ path: String, _ fields: [String: String], cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { k, v in
            "\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func page(_ path: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: path, method: .get, headers: headers, body: nil)
    }

    /// A form that needs no session (sign-in, setting a password), posted as the browser
    /// does: opened first, then sent with its pre-session cookie and token.
    func preSessionForm(_ open: String, _ path: String, _ fields: [String: String]) async throws -> TestResponse {
        let page = try await page(open)
        let cookie = page.headers[.setCookie].map { String($0.split(separator: ";")[0]) }
        return try await form(path, fields.merging(["csrf": csrfToken(page)]) { a, _ in a }, cookie: cookie)
    }
}

extension DemoApp {
    /// A session cookie for each of these people, their password set through a one-time link.
    func signedIn(_ emails: [String]) async throws -> [String: String] {
        var cookies: [String: String] = [:]
        for email in emails {
            let link = try await database.issueSignInLink(email: email, by: .localOperator)
            try await database.setPassword(linkToken: String(link.url.split(separator: "=").last ?? ""), password: "minamino-demo-2026")
            let session = try await database.signIn(email: email, password: "minamino-demo-2026", origin: "test")
            try await passSecondFactor(session)
            cookies[email] = "\(WebController.cookieName)=" + session.id
        }
        return cookies
    }

    /// Completes a sign-in's second factor as the person's app would: enrols it the first time,
    /// otherwise enters a code not taken yet.
    func passSecondFactor(_ session: WebSession, now: Date = Date()) async throws {
        switch session.secondFactor {
        case "enrol":
            _ = try await database.enrolment(sessionId: session.id)
            _ = try await database.confirmEnrolment(sessionId: session.id, code: try await code(for: session.staff, now: now), origin: "test")
        case "code":
            try await database.verifySecondFactor(sessionId: session.id, code: try await code(for: session.staff, now: now.addingTimeInterval(30)), origin: "test")
        default:
            break
        }
    }

    /// The code the person's app shows at `now` (from the secret Kasane keeps).
    func code(for staff: Staff, now: Date = Date()) async throws -> String {
        let secret = try await database.reader.read { db in
            try String.fetchOne(db, sql: "SELECT secret FROM totpCredential WHERE staffId = ?", arguments: [staff.id])
        }
        return String(format: "%06d", TOTP(secret: secret ?? "").compute(date: now))
    }
}

/// The CSRF token of the first form on a page.
func csrfToken(_ page: TestResponse) -> String {
    page.text.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.1) } ?? ""
}

@Suite("Web pages: sign-in, sessions, CSRF, no outside assets")
struct WebSignInPageTests {
    @Test("A member sets a password from the one-time link, signs in with a strict cookie, sees home, and signs out")
    func signInFlow() async throws {
        let app = try await DemoApp.make()
        let link = try await app.database.issueSignInLink(email: DemoSeed.involvedMemberEmail, by: .localOperator)
        let token = String(link.url.split(separator: "=").last ?? "")
        try await app.test { client in
            let setPage = try await client.page("/set-password?token=\(token)")
            #expect(setPage.status == .ok && setPage.text.contains("パスワードの設定") && setPage.text.contains("lang=\"ja\""))
            let setPath = "/set-password?token=\(token)"
            #expect(try await client.preSessionForm(setPath, "/set-password", ["token": token, "password": "さくら並木の午後2026", "again": "違う"]).status == .badRequest)
            // Without the form's own token (a page of another site posting it) nothing is set.
            #expect(try await client.form("/set-password", ["token": token, "password": "さくら並木の午後2026", "again": "さくら並木の午後2026"]).status == .forbidden)
            #expect(try await client.preSessionForm(setPath, "/set-password", ["token": token, "password": "さくら並木の午後2026", "again": "さくら並木の午後2026"]).status == .ok)

            let wrong = try await client.preSessionForm("/signin", "/signin", ["email": DemoSeed.involvedMemberEmail, "password": "ちがうパスワードです"])
            #expect(wrong.status == .unauthorized && wrong.text.contains("メールアドレスまたはパスワードが違います") && wrong.text.contains(DemoSeed.involvedMemberEmail))
            let signedIn = try await client.preSessionForm("/signin", "/signin", ["email": DemoSeed.involvedMemberEmail, "password": "さくら並木の午後2026"])
            // A member reads cases: the first sign-in goes on to enrolling the second factor.
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/signin/enrol")
            let setCookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix(WebController.cookieName + "=") })
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && !setCookie.contains("Secure"))
            let cookie = String(setCookie.split(separator: ";")[0])
            // Half way, nothing else opens.
            #expect(try await client.page("/home", cookie: cookie).status == .seeOther)
            #expect(try await client.page("/cases", cookie: cookie).status == .seeOther)
            let enrol = try await client.page("/signin/enrol", cookie: cookie)
            #expect(enrol.status == .ok && enrol.text.contains("<svg") && enrol.text.contains("data-secret=\""))
            let member = try await app.database.staff(email: DemoSeed.involvedMemberEmail)
            let wrongCode = try await client.form("/signin/enrol", ["csrf": csrfToken(enrol), "code": "000000"], cookie: cookie)
            #expect(wrongCode.status == .unauthorized && wrongCode.text.contains("確認コードが違います"))
            let enrolled = try await client.form("/signin/enrol", ["csrf": csrfToken(enrol), "code": try await app.code(for: member)], cookie: cookie)
            #expect(enrolled.status == .ok && enrolled.text.contains("回復用コード"))
            let recovery = enrolled.text.matches(of: /<li><code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/code><\/li>/).map { String($0.1) }
            #expect(recovery.count == 10 && Set(recovery).count == 10)

            let home = try await client.page("/home", cookie: cookie)
            #expect(home.status == .ok && home.text.contains("北村 直子") && home.text.contains("ホーム"))
            #expect(home.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'self'") == true)
            // Nothing from outside: every src and href is this server's.
            for match in home.text.matches(of: /(?:src|href|action)="([^"]*)"/) { #expect(match.1.hasPrefix("/") || match.1.hasPrefix("#")) }
            let css = try await client.page("/static/kasane.css")
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)

            // A form without the CSRF token is refused and changes nothing.
            #expect(try await client.form("/signout", [:], cookie: cookie).status == .forbidden)
            #expect(try await client.page("/home", cookie: cookie).status == .ok)
            let csrf = try #require(home.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            let out = try await client.form("/signout", ["csrf": String(csrf)], cookie: cookie)
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.page("/home", cookie: cookie)
            #expect(after.status == .seeOther && after.headers[.location] == "/signin?expired=1")
            #expect(try await client.page("/").headers[.location] == "/signin")

            // The next sign-in asks for the code; a recovery code works once.
            let again = try await client.preSessionForm("/signin", "/signin", ["email": DemoSeed.involvedMemberEmail, "password": "さくら並木の午後2026"])
            #expect(again.headers[.location] == "/signin/code")
            let second = String(try #require(again.headers[values: .setCookie].first { $0.hasPrefix(WebController.cookieName + "=") }).split(separator: ";")[0])
            let codePage = try await client.page("/signin/code", cookie: second)
            #expect(try await client.form("/signin/code", ["csrf": csrfToken(codePage), "code": "123456"], cookie: second).status == .unauthorized)
            let byRecovery = try await client.form("/signin/code", ["csrf": csrfToken(codePage), "code": recovery[0].uppercased()], cookie: second)
            #expect(byRecovery.status == .seeOther && byRecovery.headers[.location] == "/home")
            #expect(try await client.page("/home", cookie: second).status == .ok)
            let third = try await client.preSessionForm("/signin", "/signin", ["email": DemoSeed.involvedMemberEmail, "password": "さくら並木の午後2026"])
            let thirdCookie = String(try #require(third.headers[values: .setCookie].first { $0.hasPrefix(WebController.cookieName + "=") }).split(separator: ";")[0])
            let thirdPage = try await client.page("/signin/code", cookie: thirdCookie)
            #expect(try await client.form("/signin/code", ["csrf": csrfToken(thirdPage), "code": recovery[0]], cookie: thirdCookie).status == .unauthorized)
        }
        let log = try await app.database.auditLog(AuditFilter(action: "auth.secondFactor"), for: .localOperator)
        #expect(log.contains { $0.allowed && $0.detail == "二段階認証を設定" } && log.contains { !$0.allowed && $0.detail == "確認コードの誤り" })
    }

    @Test("Sign-in cannot be forced from another site: a cross-site POST to any form, or one without the pre-session token, opens no session")
    func loginCSRF() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.involvedMemberEmail])
        let fields = ["email": DemoSeed.involvedMemberEmail, "password": "minamino-demo-2026"]
        try await app.test { client in
            func post(_ path: String, _ extra: HTTPFields, cookie: String? = nil, fields: [String: String]) async throws -> TestResponse {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                headers.append(contentsOf: extra)
                if let cookie { headers[.cookie] = cookie }
                let body = fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
                return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            let page = try await client.page("/signin")
            let pre = String(try #require(page.headers[.setCookie]).split(separator: ";")[0])
            #expect(page.headers[.setCookie]?.contains("SameSite=Strict") == true && page.headers[.setCookie]?.contains("HttpOnly") == true)
            let withToken = fields.merging(["csrf": csrfToken(page)]) { a, _ in a }
            // Another site's page posting the sign-in form: refused by where it comes from, even with a token.
            for headers: HTTPFields in [
                [HTTPField.Name("Origin")!: "https://evil.example"], [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                [HTTPField.Name("Sec-Fetch-Site")!: "same-site"], [HTTPField.Name("Origin")!: "null"],
            ] {
                let refused = try await post("/signin", headers, cookie: pre, fields: withToken)
                #expect(refused.status == .forbidden && !refused.headers[values: .setCookie].contains { $0.hasPrefix(WebController.cookieName) })
                #expect(refused.text.contains("別のサイトから"))
            }
            // Without the pre-session cookie and token (what a cross-site form can send): refused.
            let bare = try await post("/signin", [:], fields: fields)
            #expect(bare.status == .forbidden && bare.headers[.setCookie] == nil)
            let wrongToken = try await post("/signin", [:], cookie: pre, fields: fields.merging(["csrf": String(repeating: "0", count: 48)]) { a, _ in a })
            #expect(wrongToken.status == .forbidden)
            // A signed-in member's forms likewise, whatever token they carry.
            let home = try await client.page("/home", cookie: cookies[DemoSeed.involvedMemberEmail])
            let out = try await post("/signout", [HTTPField.Name("Origin")!: "https://evil.example"], cookie: cookies[DemoSeed.involvedMemberEmail], fields: ["csrf": csrfToken(home)])
            #expect(out.status == .forbidden)
            #expect(try await client.page("/home", cookie: cookies[DemoSeed.involvedMemberEmail]).status == .ok)
            // The same browser on this service's own page: signed in, the pre-session cookie cleared.
            let own = try await post(
                "/signin", [HTTPField.Name("Origin")!: "http://localhost", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"], cookie: pre, fields: withToken)
            #expect(own.status == .seeOther && own.headers[values: .setCookie].contains { $0.hasPrefix(WebController.cookieName + "=") })
            #expect(own.headers[values: .setCookie].contains { $0.hasPrefix(WebController.preSessionCookie + "=;") })
        }
        let refusals = try await app.database.auditLog(AuditFilter(action: "auth", refusalsOnly: true), for: .localOperator)
        #expect(refusals.contains { $0.target.hasPrefix("cross-site POST /signin") })
    }

    @Test("A session idle past its limit is gone: the page sends the person to sign in again")
    func expiry() async throws {
        let app = try await DemoApp.make()
        let link = try await app.database.issueSignInLink(email: DemoSeed.coordinatorEmail, by: .localOperator)
        try await app.database.setPassword(linkToken: String(link.url.split(separator: "=").last ?? ""), password: "つなぐ・かさねる・ささえる")
        let s = try await app.database.at(Date().addingTimeInterval(-31 * 60)).signIn(email: DemoSeed.coordinatorEmail, password: "つなぐ・かさねる・ささえる", origin: "test")
        try await app.test { client in
            let home = try await client.page("/home", cookie: "\(WebController.cookieName)=\(s.id)")
            #expect(home.status == .seeOther && home.headers[.location] == "/signin?expired=1")
            let again = try await client.page("/signin?expired=1")
            #expect(again.text.contains("一定時間操作がなかったため"))
        }
        // A fresh one shows the coordinator's home with the overdue reviews.
        let fresh = try await app.database.signIn(email: DemoSeed.coordinatorEmail, password: "つなぐ・かさねる・ささえる", origin: "test")
        try await app.passSecondFactor(fresh)
        try await app.test { client in
            let home = try await client.page("/home", cookie: "\(WebController.cookieName)=\(fresh.id)")
            #expect(home.status == .ok && home.text.contains("評価日を過ぎた") && home.text.contains("超過"))
        }
    }

    @Test("The case pages follow need-to-know: the member of an involved agency sees the 8050 case; an outsider gets not found, audited")
    func casePages() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.involvedMemberEmail, DemoSeed.outsideMemberEmail])
        let id = app.seed.eightyFiftyCaseId
        let cookiesNow = cookies
        try await app.test { client in
            let cookies = cookiesNow
            let mine = try await client.page("/cases/\(id)", cookie: cookies[DemoSeed.involvedMemberEmail])
            #expect(mine.status == .ok && mine.text.contains("8050世帯") && mine.text.contains("本人 50代男性"))
            let list = try await client.page("/cases", cookie: cookies[DemoSeed.involvedMemberEmail])
            #expect(list.status == .ok && list.text.contains("/cases/\(id)"))
            let outsider = try await client.page("/cases/\(id)", cookie: cookies[DemoSeed.outsideMemberEmail])
            #expect(outsider.status == .notFound && outsider.text.contains("見つかりません") && !outsider.text.contains("8050"))
            #expect(try await client.page("/cases/\(id)").status == .seeOther)
        }
        let kodama = try await app.database.staff(email: DemoSeed.outsideMemberEmail)
        let refused = try await app.database.auditLog(AuditFilter(staffId: kodama.id, refusalsOnly: true), for: .localOperator)
        #expect(refused.contains { $0.action == "case.read" })
    }

    @Test("A member gets their feed link with a webcal:// link and instructions; the secretariat sees the figures with a chart; forms need CSRF")
    func feedAndFigures() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.involvedMemberEmail, DemoSeed.secretariatEmail])
        let fixed = cookies
        try await app.test { client in
            let member = fixed[DemoSeed.involvedMemberEmail]
            let page = try await client.page("/me/feed", cookie: member)
            #expect(page.status == .ok && page.text.contains("Thunderbird") && page.text.contains("Outlook"))
            #expect(try await client.form("/me/feed", [:], cookie: member).status == .forbidden)
            let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            let issued = try await client.form("/me/feed", ["csrf": String(csrf)], cookie: member)
            let webcal = try #require(issued.text.firstMatch(of: /href="(webcal:\/\/[^"]+\.ics)"/)?.1)
            let path = "/feeds/" + (webcal.split(separator: "/").last ?? "")
            let feed = try await client.page(String(path))
            #expect(feed.status == .ok && feed.text.hasPrefix("BEGIN:VCALENDAR"))
            #expect(try await client.page("/figures", cookie: member).status == .notFound)

            let secretariat = fixed[DemoSeed.secretariatEmail]
            let figures = try await client.page("/figures", cookie: secretariat)
            #expect(figures.status == .ok && figures.text.contains("<svg") && figures.text.contains("支援会議回数"))
            let csv = try await client.page("/figures.csv", cookie: secretariat)
            #expect(csv.status == .ok && csv.text.hasPrefix("\u{FEFF}年度,項目"))
        }
    }
}

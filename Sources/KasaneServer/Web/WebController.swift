import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneDocuments
import KasaneSQLite
import NIOCore

/// The web pages, beside the API: sign-in, setting a password, sign-out, and each
/// person's home. They ask the same store functions as the API; a session cookie
/// (HttpOnly, SameSite=Strict, Secure when the city's address is https) stands for
/// the bearer token, and every form carries the session's CSRF token.
struct WebController {
    let database: AppDatabase
    let shelf: TemplateShelf
    static let cookieName = "kasane_session"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("static/kasane.css") { _, _ in WebPages.asset("kasane.css", contentType: "text/css; charset=utf-8") }
        router.get("/") { request, _ in
            try await session(request) == nil ? WebPages.redirect("/signin") : WebPages.redirect("/home")
        }
        router.get("signin") { request, _ in
            let expired = request.uri.queryParameters.get("expired") != nil
            let pre = try await preSession(request)
            return WebPages.page(
                "signin", SignInView(error: expired ? "一定時間操作がなかったため、サインアウトしました。もう一度サインインしてください。" : nil, email: "", csrf: pre.token),
                headers: pre.headers)
        }
        router.post("signin") { request, context in
            let form = try await WebPages.form(request, context: context)
            guard let token = preSessionToken(request), form["csrf"] == token else { return Self.csrfRefused(link: "/signin") }
            let email = form["email"] ?? ""
            do {
                let s = try await database.signIn(email: email, password: form["password"] ?? "", origin: context.origin)
                var headers: HTTPFields = [.setCookie: try await cookie(s.id, maxAge: Int(s.expiresAt.timeIntervalSinceNow))]
                headers.append(HTTPField(name: .setCookie, value: try await cookie("", maxAge: 0, name: Self.preSessionCookie)))
                // With a second factor, the sign-in goes on to its code (or, the first time, to enrolling it).
                let next = switch s.secondFactor { case "code": "/signin/code"; case "enrol": "/signin/enrol"; default: "/home" }
                return WebPages.redirect(next, headers: headers)
            } catch let error as KasaneError {
                return WebPages.page("signin", SignInView(error: error.message, email: email, csrf: token), status: .unauthorized)
            }
        }
        router.get("set-password") { request, _ in
            let pre = try await preSession(request)
            return WebPages.page(
                "set-password", SetPasswordView(token: request.uri.queryParameters.get("token") ?? "", csrf: pre.token, error: nil),
                headers: pre.headers)
        }
        router.post("set-password") { request, context in
            let form = try await WebPages.form(request, context: context)
            guard let csrf = preSessionToken(request), form["csrf"] == csrf else { return Self.csrfRefused(link: "/signin") }
            let token = form["token"] ?? ""
            guard form["password"] == form["again"] else {
                return WebPages.page("set-password", SetPasswordView(token: token, csrf: csrf, error: "2つのパスワードが一致しません。"), status: .badRequest)
            }
            do {
                try await database.setPassword(linkToken: token, password: form["password"] ?? "", origin: "web " + context.origin)
                return WebPages.page("message", MessageView(
                    pageTitle: "パスワードを設定しました", heading: "パスワードを設定しました", message: "新しいパスワードでサインインしてください。",
                    link: "/signin", linkText: "サインインへ"))
            } catch let error as KasaneError {
                return WebPages.page("set-password", SetPasswordView(token: token, csrf: csrf, error: error.message), status: .badRequest)
            }
        }
        router.post("signout") { request, context in try await signOut(request, context: context, everywhere: false) }
        router.post("signout-everywhere") { request, context in try await signOut(request, context: context, everywhere: true) }
        CasePages(database: database, web: self).addRoutes(to: router)
        ConsentPages(database: database, web: self).addRoutes(to: router)
        FeedAndFigurePages(database: database, web: self).addRoutes(to: router)
        PollPages(database: database, web: self).addRoutes(to: router)
        BusyPages(database: database, web: self).addRoutes(to: router)
        let documents = MinutesController(database: database, shelf: shelf)
        MeetingPages(database: database, web: self, documents: documents).addRoutes(to: router)
        AttendeePages(database: database, web: self).addRoutes(to: router)
        PlacePages(database: database, web: self).addRoutes(to: router)
        MinutesPages(database: database, web: self, documents: documents).addRoutes(to: router)
        AuditAndArchivePages(database: database, web: self, documents: documents).addRoutes(to: router)
        AdminPages(database: database, web: self).addRoutes(to: router)
        StaffPages(database: database, web: self).addRoutes(to: router)
        SettingsPages(database: database, web: self).addRoutes(to: router)
        TemplatePages(database: database, web: self, shelf: shelf).addRoutes(to: router)
        TokenAndGrantPages(database: database, web: self).addRoutes(to: router)
        SecondFactorPages(database: database, web: self).addRoutes(to: router)
        router.get("home") { request, _ in
            guard let s = try await session(request) else { return WebPages.redirect("/signin?expired=1") }
            return WebPages.page("home", try await home(s))
        }
    }

    /// Runs a page for a signed-in person; anyone else is sent to sign in. What does not
    /// exist for this person, or what they may not see or do, answers as if it did not exist
    /// (the store has audited the refusal).
    func signedIn(_ request: Request, _ body: (WebSession, Actor) async throws -> Response) async throws -> Response {
        guard let s = try await session(request) else { return WebPages.redirect("/signin?expired=1") }
        do {
            return try await body(s, Self.actor(s))
        } catch KasaneError.notFound {
            return notFound(s)
        } catch KasaneError.forbidden {
            return notFound(s)
        }
    }

    /// A page only those allowed `action` have; to anyone else it does not exist.
    func signedIn(_ request: Request, may action: Access.Action, _ body: (WebSession, Actor) async throws -> Response) async throws -> Response {
        try await signedIn(request) { s, actor in
            guard Access.allows(action, actor) else { return notFound(s) }
            return try await body(s, actor)
        }
    }

    /// A form only those allowed `action` may post; for anyone else it does not exist.
    func posted(
        _ request: Request, _ context: AppRequestContext, may action: Access.Action,
        _ body: ([String: String], WebSession, Actor) async throws -> Response
    ) async throws -> Response {
        try await posted(request, context) { form, s, actor in
            guard Access.allows(action, actor) else { return notFound(s) }
            return try await body(form, s, actor)
        }
    }

    /// Runs a posted form for a signed-in person. A form without the session's CSRF token is
    /// refused and changes nothing.
    func posted(
        _ request: Request, _ context: AppRequestContext, _ body: ([String: String], WebSession, Actor) async throws -> Response
    ) async throws -> Response {
        let form = try await WebPages.form(request, context: context)
        return try await signedIn(request) { s, actor in
            guard form["csrf"] == s.csrf else { return Self.csrfRefused() }
            return try await body(form, s, actor)
        }
    }

    /// Runs a posted file form (multipart/form-data) for a signed-in person. The body is read
    /// bounded like any upload before the session is checked; one that cannot be read carries
    /// no token either, so it is refused like a form without its CSRF token, nothing changed.
    func uploaded(
        _ request: Request, _ context: AppRequestContext, _ body: ([String: Data], WebSession, Actor) async throws -> Response
    ) async throws -> Response {
        let buffer = try await RequestBody.read(request, kind: .upload, limits: context.limits)
        return try await signedIn(request) { s, actor in
            guard let boundary = FormData.boundary(contentType: request.headers[.contentType] ?? ""),
                  let form = try? FormData.parse(Data(buffer.readableBytesView), boundary: boundary),
                  form["csrf"].map({ String(decoding: $0, as: UTF8.self) }) == s.csrf
            else { return Self.csrfRefused() }
            return try await body(form, s, actor)
        }
    }

    /// A file form only those allowed `action` may post; for anyone else it does not exist.
    func uploaded(
        _ request: Request, _ context: AppRequestContext, may action: Access.Action,
        _ body: ([String: Data], WebSession, Actor) async throws -> Response
    ) async throws -> Response {
        try await uploaded(request, context) { form, s, actor in
            guard Access.allows(action, actor) else { return notFound(s) }
            return try await body(form, s, actor)
        }
    }

    /// The signed-in person acting through the pages, from the client they use (audited as `web ADDRESS`).
    static func actor(_ s: WebSession) -> Actor { .staff(s.staff, from: "web " + RequestClient.address) }

    func user(_ s: WebSession) -> PageUser {
        PageUser(name: s.staff.name, roles: s.staff.roles.map(\.japaneseName).joined(separator: "・"), csrf: s.csrf)
    }

    /// The same answer as for something that does not exist.
    func notFound(_ s: WebSession) -> Response {
        WebPages.page("message", MessageView(
            pageTitle: "見つかりません", user: user(s), heading: "見つかりません", message: "お探しのページは見つかりません。",
            link: "/home", linkText: "ホームへ"), status: .notFound)
    }

    func session(_ request: Request) async throws -> WebSession? {
        guard let id = Self.cookieValue(Self.cookieName, in: request) else { return nil }
        return try await database.webSession(id: id)
    }

    /// Every form a session posts must carry its CSRF token; one that does not is refused
    /// and changes nothing.
    func signOut(_ request: Request, context: AppRequestContext, everywhere: Bool) async throws -> Response {
        let form = try await WebPages.form(request, context: context)
        guard let s = try await session(request) else { return WebPages.redirect("/signin") }
        guard form["csrf"] == s.csrf else { return Self.csrfRefused() }
        try await database.signOut(id: s.id, everywhere: everywhere, origin: "web " + context.origin)
        return WebPages.redirect("/signin", headers: [.setCookie: try await cookie("", maxAge: 0)])
    }

    static func csrfRefused(link: String = "/home") -> Response {
        WebPages.page("message", MessageView(
            pageTitle: "操作を受け付けませんでした", heading: "操作を受け付けませんでした",
            message: "フォームの確認用の値がないか、古くなっています。画面を開き直してから、もう一度操作してください。",
            link: link, linkText: link == "/home" ? "ホームへ" : "サインインへ"), status: .forbidden)
    }

    /// A cookie of this service. Over https it is `Secure` and named `__Host-…`, which a
    /// browser keeps only when set by this very host over https, for every path, with no
    /// Domain: no other host under the city's domain can set or overwrite it.
    func cookie(_ value: String, maxAge: Int, name: String = cookieName) async throws -> String {
        let https = try await database.settings().baseURL.hasPrefix("https://")
        return "\(https ? "__Host-" : "")\(name)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(max(0, maxAge))\(https ? "; Secure" : "")"
    }

    /// A cookie's value, under its `__Host-` name (https) or its plain one.
    static func cookieValue(_ name: String, in request: Request) -> String? {
        WebPages.cookie("__Host-" + name, in: request) ?? WebPages.cookie(name, in: request)
    }

    /// The forms a person posts before they have a session (sign-in, setting a password)
    /// carry a token of their own, matched by a strict cookie set with the form: a page of
    /// another site can neither read the one nor send the other (no login CSRF).
    static let preSessionCookie = "kasane_presession"

    func preSession(_ request: Request) async throws -> (token: String, headers: HTTPFields) {
        if let token = preSessionToken(request) { return (token, [:]) }
        var bytes = [UInt8](repeating: 0, count: 24)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = generator.next() }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        return (token, [.setCookie: try await cookie(token, maxAge: 3600, name: Self.preSessionCookie)])
    }

    func preSessionToken(_ request: Request) -> String? {
        Self.cookieValue(Self.preSessionCookie, in: request).flatMap { $0.count == 48 && $0.allSatisfy(\.isHexDigit) ? $0 : nil }
    }

    func home(_ s: WebSession) async throws -> HomeView {
        let actor = Self.actor(s)
        let now = database.clock.now()
        let mine = try await database.meetings(for: actor)
        let meetings = mine
            .filter { $0.endsAt > now && ($0.status == .planned || $0.status == .invited) }
            .sorted { $0.startsAt < $1.startsAt }.prefix(10)
            .map { m in
                let day = LocalDate.inTokyo(m.startsAt)
                return HomeView.Meeting(
                    id: m.id, title: m.title, date: JapaneseEra.dateName(day), westernDate: JapaneseEra.westernDateName(day),
                    time: Self.clock(m.startsAt) + "〜" + Self.clock(m.endsAt), place: m.place, status: m.status.japaneseName)
            }
        let minutesToDo = Access.allows(.writeMinutes, actor) || Access.allows(.recordHeld, actor)
            ? mine.filter { $0.status == .held }.sorted { $0.startsAt > $1.startsAt }.map { m in
                HomeView.Pending(id: m.id, title: m.title, date: JapaneseEra.dateName(LocalDate.inTokyo(m.startsAt)))
            } : []
        let mayFollow = Access.allows(.followPlans, actor)
        let overdue = mayFollow ? try await database.overdueReviews(for: actor).map { o in
            HomeView.Overdue(
                caseCode: o.caseCode, reviewDate: PageDate(o.nextReviewOn),
                days: o.daysLeft < 0 ? "\(-o.daysLeft)日超過" : "あと\(o.daysLeft)日", suggestion: o.suggestion)
        } : []
        let polls = try await database.polls(for: actor).filter { $0.status == .open }.map { p in
            let answered = p.participants.map { list in "回答 \(list.filter(\.answered).count)/\(list.count)人" }
                ?? (p.slots.contains { $0.mine == nil } ? "未回答" : "回答済み")
            return HomeView.Poll(
                id: p.id, kindName: p.kind.legalName, closes: p.closesOn.map { JapaneseEra.dateName($0) } ?? "締切なし", answered: answered)
        }
        let expiring = try await database.expiringConsents(within: 30, for: actor).map { e in
            HomeView.Expiring(caseId: e.caseId, caseCode: e.caseCode, expires: PageDate(e.expiresOn))
        }
        return HomeView(
            pageTitle: "ホーム", user: user(s), polls: polls, showExpiring: Access.allows(.registerCases, actor), expiring: expiring,
            csrf: s.csrf, meetings: Array(meetings), hasMeetings: !meetings.isEmpty,
            minutesToDo: minutesToDo, showMinutes: minutesToDo.isEmpty == false, isAdmin: Access.allows(.manageDirectory, actor),
            mayApproveRoles: Access.allows(.manageDirectory, actor) || Access.allows(.registerCases, actor),
            mayArchive: Access.allows(.writeMinutes, actor), showOverdue: mayFollow, overdue: overdue)
    }

    /// An instant as pages show it: 令和8年11月25日 7:34 (with the weekday when asked).
    static func moment(_ instant: Date, weekday: Bool = false) -> String {
        JapaneseEra.dateName(LocalDate.inTokyo(instant), weekday: weekday) + " " + clock(instant)
    }

    static func clock(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}

struct SignInView {
    var pageTitle = "サインイン"
    var user: PageUser? = nil
    var error: String?
    var email: String
    /// The pre-session token (the form's, beside its cookie).
    var csrf: String
}

struct SetPasswordView {
    var pageTitle = "パスワードの設定"
    var user: PageUser? = nil
    var token: String
    var csrf: String
    var error: String?
}

struct MessageView {
    var pageTitle: String
    var user: PageUser? = nil
    var heading: String
    var message: String
    var link: String
    var linkText: String
}

struct HomeView {
    struct Meeting {
        var id: Int64
        var title: String
        var date: String
        var westernDate: String
        var time: String
        var place: String
        var status: String
    }

    struct Pending {
        var id: Int64
        var title: String
        var date: String
    }

    struct Poll {
        var id: Int64
        var kindName: String
        var closes: String
        var answered: String
    }

    struct Expiring {
        var caseId: Int64
        var caseCode: String
        var expires: PageDate
    }

    struct Overdue {
        var caseCode: String
        var reviewDate: PageDate
        var days: String
        var suggestion: String
    }

    var pageTitle: String
    var user: PageUser?
    var polls: [Poll]
    var showExpiring: Bool
    var expiring: [Expiring]
    var csrf: String
    var meetings: [Meeting]
    var hasMeetings: Bool
    var minutesToDo: [Pending]
    var showMinutes: Bool
    var isAdmin: Bool
    var mayApproveRoles: Bool
    var mayArchive: Bool
    var showOverdue: Bool
    var overdue: [Overdue]
}

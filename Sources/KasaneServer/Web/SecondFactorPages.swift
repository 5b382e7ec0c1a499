import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite

/// The second step of signing in: the code of the person's authenticator app (or a recovery
/// code), or, the first time, enrolling the app with a QR code Kasane draws itself and the
/// secret as text, then the ten recovery codes, shown once. And the administrator's reset,
/// which comes only with a new one-time sign-in link.
struct SecondFactorPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("signin/code") { request, _ in
            try await pending(request, step: .code) { s in
                WebPages.page("signin-code", CodeView(csrf: s.csrf, error: nil))
            }
        }
        router.post("signin/code") { request, context in
            let form = try await WebPages.form(request, context: context)
            return try await pending(request, step: .code) { s in
                guard form["csrf"] == s.csrf else { return WebController.csrfRefused(link: "/signin") }
                do {
                    try await database.verifySecondFactor(sessionId: s.id, code: form["code"] ?? "", origin: context.origin)
                    return WebPages.redirect("/home")
                } catch let error as KasaneError {
                    return WebPages.page("signin-code", CodeView(csrf: s.csrf, error: error.message), status: .unauthorized)
                }
            }
        }
        router.get("signin/enrol") { request, _ in
            try await pending(request, step: .enrol) { s in try await enrolPage(s, error: nil) }
        }
        router.post("signin/enrol") { request, context in
            let form = try await WebPages.form(request, context: context)
            return try await pending(request, step: .enrol) { s in
                guard form["csrf"] == s.csrf else { return WebController.csrfRefused(link: "/signin") }
                do {
                    let codes = try await database.confirmEnrolment(sessionId: s.id, code: form["code"] ?? "", origin: context.origin)
                    return WebPages.page("recovery-codes", RecoveryView(codes: codes))
                } catch let error as KasaneError {
                    return try await enrolPage(s, error: error.message, status: .unauthorized)
                }
            }
        }
        router.post("admin/staff/:id/second-factor/reset") { request, context in
            try await web.posted(request, context, may: .manageDirectory) { _, s, actor in
                let id = try context.parameters.id("id")
                do {
                    try await database.resetSecondFactor(staffId: id, by: actor)
                    return WebPages.redirect("/admin/staff/\(id)?done=reset")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await StaffPages(database: database, web: web).page(id, s: s, error: WebPages.plain(error.message))
                }
            }
        }
    }

    /// A page of the second step, for a sign-in that is at that step; anyone else is sent to sign in.
    func pending(_ request: Request, step: SecondFactorStep, _ body: (WebSession) async throws -> Response) async throws -> Response {
        guard let id = WebController.cookieValue(WebController.cookieName, in: request),
              let s = try await database.pendingSession(id: id), s.secondFactor == step.rawValue
        else { return WebPages.redirect("/signin?expired=1") }
        return try await body(s)
    }

    func enrolPage(_ s: WebSession, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let enrolment = try await database.enrolment(sessionId: s.id)
        let qr = try QRCode(bytes: Array(enrolment.url.utf8))
        let grouped = stride(from: 0, to: enrolment.secret.count, by: 4).map { i in
            String(enrolment.secret.dropFirst(i).prefix(4))
        }.joined(separator: " ")
        return WebPages.page("signin-enrol", EnrolView(
            csrf: s.csrf, qr: qr.svg(label: "認証アプリに読み込ませるQRコード"), secret: enrolment.secret, grouped: grouped, error: error), status: status)
    }
}

struct CodeView {
    var pageTitle = "確認コード"
    var user: PageUser? = nil
    var csrf: String
    var error: String?
}

struct EnrolView {
    var pageTitle = "二段階認証の設定"
    var user: PageUser? = nil
    var csrf: String
    /// The QR code as SVG, drawn here: the page shows it as it is (it is Kasane's own markup).
    var qr: String
    var secret: String
    var grouped: String
    var error: String?
}

struct RecoveryView {
    var pageTitle = "回復用コード"
    var user: PageUser? = nil
    var codes: [String]
}

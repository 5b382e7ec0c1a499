import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// The administrator's page for one staff member: confidentiality pledges (守秘義務の確認)
/// recorded, a one-time sign-in link sent, their API tokens listed and revoked (behind a
/// confirmation; only the person issues their own), and the roles asked for them. The same
/// `recordPledge`, `issueSignInLink` and `revokeToken` as the API and the command line.
struct StaffPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/staff/:id") { request, context in
            try await web.signedIn(request, may: .manageDirectory) { s, actor in
                let notice: String? = switch request.uri.queryParameters.get("done") {
                case "pledge": "守秘義務の確認を記録しました。"
                case "link": "サインイン用のリンクをメールで送りました（送信待ちの一覧に入りました）。"
                case "revoked": "トークンを失効させました。このトークンを使うプログラムは、すぐに使えなくなります。"
                case "reset": "二段階認証とパスワードを無効にし、新しいサインイン用リンクを本人にメールで送りました。本人はパスワードを設定し直し、次のサインインで二段階認証を設定し直します。"
                default: nil
                }
                return try await page(try context.parameters.id("id"), s: s, notice: notice)
            }
        }
        router.post("admin/staff/:id/pledges") { request, context in
            try await web.posted(request, context, may: .manageDirectory) { form, s, actor in
                let id = try context.parameters.id("id")
                do {
                    guard let day = LocalDate(form["pledgedOn"] ?? "") else {
                        throw KasaneError.invalid(field: "pledgedOn", message: "確認日は 2026-12-01 の形で入力してください。")
                    }
                    let note = form["note"].flatMap { $0.isEmpty ? nil : $0 }
                    try await database.recordPledge(staffId: id, pledgedOn: day, note: note, by: actor)
                    return WebPages.redirect("/admin/staff/\(id)?done=pledge")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await page(id, s: s, pledgeForm: PledgeForm(pledgedOn: form["pledgedOn"] ?? "", note: form["note"] ?? "",
                                                                    error: WebPages.plain(error.message)))
                }
            }
        }
        router.post("admin/staff/:id/link") { request, context in
            try await web.posted(request, context, may: .manageDirectory) { _, s, actor in
                let id = try context.parameters.id("id")
                let staff = try await database.staff(id: id)
                do {
                    _ = try await database.issueSignInLink(email: staff.email, by: actor)
                    return WebPages.redirect("/admin/staff/\(id)?done=link")
                } catch let error as KasaneError {
                    return try await page(id, s: s, notice: nil, error: WebPages.plain(error.message))
                }
            }
        }
    }

    func page(
        _ id: Int64, s: WebSession, notice: String? = nil, error: String? = nil, pledgeForm: PledgeForm? = nil
    ) async throws -> Response {
        let pledgeForm = pledgeForm ?? PledgeForm(pledgedOn: database.clock.today().description)
        let staff = try await database.staff(id: id)
        let agency = try await database.agencies().first { $0.id == staff.agencyId }?.name ?? ""
        let pledges = try await database.pledges(staffId: id).sorted { $0.pledgedOn > $1.pledgedOn }.map { p in
            "\(JapaneseEra.dateName(p.pledgedOn, weekday: false))" + (p.note.map { "（\($0)）" } ?? "")
        }
        let tokens = try await database.tokens(staffId: id).map(StaffPageView.Token.init)
        let factor = try await database.secondFactorStatus(staffId: id)
        let pending = try await database.roleGrants(status: .pending, for: WebController.actor(s)).filter { $0.staffId == id }.map(\.role.japaneseName)
        let view = StaffPageView(
            pageTitle: "職員 \(staff.name)", user: web.user(s), csrf: s.csrf, id: id, name: staff.name, email: staff.email, agency: agency,
            roles: staff.roles.map(\.japaneseName).joined(separator: "・"), active: staff.active ? "有効" : "無効", notice: notice, error: error,
            pledges: pledges, pledgeForm: pledgeForm, tokens: tokens, pendingRoles: pending.joined(separator: "・"), hasPending: !pending.isEmpty,
            secondFactor: factor.enrolled ? "設定済み（回復用コード残り\(factor.recoveryCodesLeft)個）" : "未設定（次のサインインで設定します）",
            isSelf: id == s.staff.id)
        let status: HTTPResponse.Status = (error ?? pledgeForm.error) == nil ? .ok : .badRequest
        return WebPages.page("staff", view, status: status)
    }
}

struct PledgeForm {
    var pledgedOn: String
    var note: String = ""
    var error: String?
}

struct StaffPageView {
    struct Token { var id: Int64; var label: String; var created: String; var revoked: String?; var live: Bool }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    var name: String
    var email: String
    var agency: String
    var roles: String
    var active: String
    var notice: String?
    var error: String?
    var pledges: [String]
    var pledgeForm: PledgeForm
    var tokens: [Token]
    /// Case-reading roles asked for this person, waiting for a second person.
    var pendingRoles: String
    var hasPending: Bool
    var secondFactor: String
    var isSelf: Bool
}

struct TokenRevokeView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    /// Where the confirmation goes back to: the owner's own page or the administrator's.
    var back: String
    var label: String
    var owner: String
    var created: String
}

import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// A person's own API tokens (issued only to oneself, shown once, revoked behind a
/// confirmation), and the case-reading roles waiting for a second person, which a
/// coordinator or another administrator approves or refuses. The same store calls as the
/// API: `issueToken`, `revokeToken`, `roleGrants`, `decideRoleGrant`.
struct TokenAndGrantPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("me/tokens") { request, _ in
            try await web.signedIn(request) { s, _ in
                let done = request.uri.queryParameters.get("done") == "revoked" ? "トークンを失効させました。" : nil
                return try await tokensPage(s, notice: done)
            }
        }
        router.post("me/tokens") { request, context in
            try await web.posted(request, context) { form, s, actor in
                do {
                    let issued = try await database.issueToken(staffId: s.staff.id ?? 0, label: form["label"] ?? "", by: actor)
                    return try await tokensPage(s, issued: issued.token)
                } catch let error as KasaneError {
                    return try await tokensPage(s, error: WebPages.plain(error.message), label: form["label"] ?? "")
                }
            }
        }
        router.get("tokens/:id/revoke") { request, context in
            try await web.signedIn(request) { s, actor in
                let id = try context.parameters.id("id")
                guard let token = try await database.tokens().first(where: { $0.id == id }), token.revokedAt == nil,
                      token.staffId == s.staff.id || Access.allows(.manageDirectory, actor)
                else { return web.notFound(s) }
                let owner = try await database.staff(id: token.staffId)
                let back = token.staffId == s.staff.id ? "/me/tokens" : "/admin/staff/\(token.staffId)"
                return WebPages.page("token-revoke", TokenRevokeView(
                    pageTitle: "トークンの失効", user: web.user(s), csrf: s.csrf, id: id, back: back, label: token.label,
                    owner: owner.name, created: WebController.moment(token.createdAt)))
            }
        }
        router.post("tokens/:id/revoke") { request, context in
            try await web.posted(request, context) { _, s, actor in
                let id = try context.parameters.id("id")
                guard let token = try await database.tokens().first(where: { $0.id == id }) else { return web.notFound(s) }
                let back = token.staffId == s.staff.id ? "/me/tokens" : "/admin/staff/\(token.staffId)"
                do {
                    try await database.revokeToken(id: id, by: actor)
                    return WebPages.redirect(back + "?done=revoked")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await tokensPage(s, error: WebPages.plain(error.message))
                }
            }
        }
        router.get("role-grants") { request, _ in
            try await web.signedIn(request) { s, actor in
                let done: String? = switch request.uri.queryParameters.get("done") {
                case "approved": "役割を付与しました。"
                case "refused": "役割の付与を却下しました。"
                default: nil
                }
                return try await grantsPage(s, actor: actor, notice: done)
            }
        }
        for (path, approve) in [("approval", true), ("refusal", false)] {
            router.post("role-grants/:id/\(path)") { request, context in
                try await web.posted(request, context) { form, s, actor in
                    do {
                        try await database.decideRoleGrant(
                            id: try context.parameters.id("id"), approve: approve, reason: form["reason"], by: actor)
                        return WebPages.redirect("/role-grants?done=\(approve ? "approved" : "refused")")
                    } catch let error as KasaneError {
                        if case .notFound = error { throw error }
                        return try await grantsPage(s, actor: actor, error: WebPages.plain(error.message))
                    }
                }
            }
        }
    }

    func tokensPage(_ s: WebSession, notice: String? = nil, issued: String? = nil, error: String? = nil, label: String = "") async throws -> Response {
        let tokens = try await database.tokens(staffId: s.staff.id ?? 0).map(StaffPageView.Token.init)
        let view = MyTokensView(
            pageTitle: "APIトークン", user: web.user(s), csrf: s.csrf, notice: notice, issued: issued, error: error, label: label, tokens: tokens)
        return WebPages.page("tokens", view, status: error == nil ? .ok : .badRequest)
    }

    func grantsPage(_ s: WebSession, actor: Actor, notice: String? = nil, error: String? = nil) async throws -> Response {
        let grants = try await database.roleGrants(status: .pending, for: actor)
        let staff = Dictionary(uniqueKeysWithValues: try await database.staffList().compactMap { m in m.id.map { ($0, m) } })
        let agencies = Dictionary(uniqueKeysWithValues: try await database.agencies().compactMap { a in a.id.map { ($0, a.name) } })
        let rows = grants.map { g in
            let who = staff[g.staffId]
            return GrantsView.Row(
                id: g.id ?? 0, who: who.map { "\($0.name)（\(agencies[$0.agencyId] ?? "")）" } ?? "職員ID \(g.staffId)", role: g.role.japaneseName,
                asked: (staff[g.requestedBy]?.name ?? "職員ID \(g.requestedBy)") + "（\(WebController.moment(g.requestedAt))）",
                mayDecide: g.requestedBy != s.staff.id && g.staffId != s.staff.id)
        }
        let view = GrantsView(pageTitle: "役割の付与の承認", user: web.user(s), csrf: s.csrf, notice: notice, error: error, rows: rows, hasRows: !rows.isEmpty)
        return WebPages.page("role-grants", view, status: error == nil ? .ok : .conflict)
    }
}

extension StaffPageView.Token {
    init(_ t: APIToken) {
        self.init(
            id: t.id ?? 0, label: t.label, created: WebController.moment(t.createdAt), revoked: t.revokedAt.map { WebController.moment($0) },
            live: t.revokedAt == nil)
    }
}

struct MyTokensView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var notice: String?
    var issued: String?
    var error: String?
    var label: String
    var tokens: [StaffPageView.Token]
}

struct GrantsView {
    struct Row { var id: Int64; var who: String; var role: String; var asked: String; var mayDecide: Bool }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var notice: String?
    var error: String?
    var rows: [Row]
    var hasRows: Bool
}

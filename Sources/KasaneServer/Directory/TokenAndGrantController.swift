import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// /api/v1/me/tokens (a person's own API tokens), /api/v1/tokens/:id (revoking: the owner
/// or an administrator), /api/v1/role-grants (case-reading roles waiting for a second person).
struct TokenAndGrantController {
    let database: AppDatabase

    /// A token as listed: never the token itself.
    struct TokenSummary: Encodable, Sendable {
        let id: Int64
        let label: String
        let createdAt: Date
        let revokedAt: Date?
        init(_ t: APIToken) {
            id = t.id ?? 0
            label = t.label
            createdAt = t.createdAt
            revokedAt = t.revokedAt
        }
    }

    struct Issued: Encodable, Sendable {
        let token: String
        let record: TokenSummary
    }

    struct LabelBody: Decodable { let label: String }
    struct ReasonBody: Decodable { let reason: String? }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("me/tokens") { _, context in
            let actor = try context.actor()
            return JSONResponse(try await database.tokens(staffId: actor.staffId ?? 0).map(TokenSummary.init))
        }
        api.post("me/tokens") { request, context in
            let actor = try context.actor()
            let body = try await JSON.decode(LabelBody.self, from: request, context: context)
            let issued = try await database.issueToken(staffId: actor.staffId ?? 0, label: body.label, by: actor)
            return JSONResponse(Issued(token: issued.token, record: TokenSummary(issued.record)), status: .created)
        }
        api.delete("tokens/:id") { _, context in
            try await database.revokeToken(id: try context.parameters.id("id"), by: try context.actor())
            return Response(status: .noContent, headers: [.cacheControl: "no-store"])
        }
        api.get("role-grants") { request, context in
            let status = try request.uri.queryParameters.get("status").map { text -> RoleGrant.Status? in
                if text == "all" { return nil }
                guard let s = RoleGrant.Status(rawValue: text) else {
                    throw KasaneError.invalid(field: "status", message: "status は pending・approved・refused・all のいずれかです。")
                }
                return s
            } ?? .pending
            return JSONResponse(try await database.roleGrants(status: status, for: try context.actor()))
        }
        api.post("role-grants/:id/approval") { _, context in
            JSONResponse(try await database.decideRoleGrant(id: try context.parameters.id("id"), approve: true, by: try context.actor()))
        }
        api.post("role-grants/:id/refusal") { request, context in
            let body = try await JSON.decode(ReasonBody.self, from: request, context: context)
            return JSONResponse(try await database.decideRoleGrant(
                id: try context.parameters.id("id"), approve: false, reason: body.reason, by: try context.actor()))
        }
    }
}

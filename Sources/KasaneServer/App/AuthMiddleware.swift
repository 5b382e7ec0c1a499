import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// Identifies the staff member behind a bearer token. A missing, unknown or revoked
/// token, or one of an inactive staff member, is a 401.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    let refusals: UnauthenticatedLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else {
            try await refusals.refuse(context, request.uri.path)
            throw APIError(status: .unauthorized, message: "認証が必要です。Authorization: Bearer トークン を付けてください。")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let staff = try await database.staff(forToken: String(parts[1]).trimmingCharacters(in: .whitespaces))
        else {
            try await refusals.refuse(context, request.uri.path)
            throw APIError(status: .unauthorized, message: "トークンが無効です（失効・誤り・無効な職員）。")
        }
        var context = context
        context.staff = staff
        return try await next(request, context)
    }
}

extension UnauthenticatedLog {
    /// Counts a refusal; past the client's limit for the minute, answers 429 instead.
    func refuse(_ context: AppRequestContext, _ what: String) async throws {
        guard try await record(client: context.origin, what: what, limit: context.limits.unauthenticatedPerMinute) else {
            throw APIError(status: .tooManyRequests, message: "認証のないリクエストが多すぎます。1分ほど待ってからもう一度お試しください。")
        }
    }
}

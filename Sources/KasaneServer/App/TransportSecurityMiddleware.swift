import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneStore

/// When the city's address is https, every answer (pages, the API, feeds, errors) tells the
/// browser to come back over https only (HSTS, a year), so that a network that strips TLS
/// cannot serve a sign-in page in its place.
struct TransportSecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let database: AppDatabase
    static var policy: String { "max-age=31536000; includeSubDomains" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if try await database.settings().baseURL.hasPrefix("https://") {
            response.headers[.strictTransportSecurity] = Self.policy
        }
        return response
    }
}

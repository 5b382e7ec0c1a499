import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite

/// The first thing every request meets: the city's settings read once, and from them
/// - who the client is: the socket's peer, or, when that peer is a proxy the settings
///   trust, the address it says it forwarded for (the nearest one in X-Forwarded-For that
///   is not itself trusted); kept in the context and, for the pages, in `RequestClient`;
/// - over https, HSTS on every answer, errors included, so that a network that strips TLS
///   cannot serve a sign-in page in Kasane's place.
struct RequestSettingsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    static let hsts = "max-age=31536000; includeSubDomains"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let settings = try await database.settings()
        var context = context
        context.origin = Self.client(peer: context.peer, forwardedFor: request.headers[values: HTTPField.Name("X-Forwarded-For")!], trusted: settings.trustedProxies ?? [])
        context.limits = settings.inputLimits
        var response: Response
        do {
            response = try await RequestClient.$address.withValue(context.origin) { try await next(request, context) }
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if settings.baseURL.hasPrefix("https://") { response.headers[.strictTransportSecurity] = Self.hsts }
        return response
    }

    /// The client behind a chain of proxies the city trusts; the peer itself otherwise. An
    /// X-Forwarded-For from a client that is no trusted proxy is ignored: anyone can write one.
    static func client(peer: String, forwardedFor: [String], trusted: [String]) -> String {
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return hop.count <= 64 && hop.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) ? hop : peer
        }
        return peer
    }
}

/// The client address of the request being served, for what runs inside it without the
/// request's context at hand (the pages act `.staff(…, from: "web " + address)`).
enum RequestClient {
    @TaskLocal static var address = "unknown"
}

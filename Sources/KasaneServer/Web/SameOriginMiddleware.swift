import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite

/// Refuses a form posted from another site to any page (sign-in included), before the
/// page reads it: the browser says where a request comes from (`Sec-Fetch-Site`, and
/// `Origin` on every POST), and only this service's own pages may post to it. A client
/// that sends neither (a script, an old browser) still meets each form's token. The API
/// under /api/v1 is left to its bearer tokens, which a browser never sends by itself.
struct SameOriginMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    let refusals: UnauthenticatedLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method), !request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        // A browser that sends Sec-Fetch-Site (no page can set it) is believed; one that does not
        // is judged by Origin.
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            guard site == "same-origin" || site == "none" else { return try await refuse(request, context, "Sec-Fetch-Site: \(site)") }
        } else if let origin = request.headers[HTTPField.Name("Origin")!] {
            let own = try await Self.ownOrigins(request, baseURL: database.settings().baseURL)
            if !own.contains(origin.lowercased()) { return try await refuse(request, context, "Origin") }
        }
        return try await next(request, context)
    }

    /// This service as a browser names it: the city's address, and the host the request was sent to.
    static func ownOrigins(_ request: Request, baseURL: String) -> Set<String> {
        var origins: Set<String> = []
        if let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host {
            origins.insert("\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")".lowercased())
        }
        if let host = request.head.authority {
            origins.insert("http://\(host)".lowercased())
            origins.insert("https://\(host)".lowercased())
        }
        return origins
    }

    func refuse(_ request: Request, _ context: Context, _ reason: String) async throws -> Response {
        try await refusals.refuse(context, "cross-site \(request.method) \(request.uri.path)")
        return WebPages.page("message", MessageView(
            pageTitle: "操作を受け付けませんでした", heading: "操作を受け付けませんでした",
            message: "別のサイトから送られたフォームは受け付けません。Kasaneの画面を開き直してから操作してください。",
            link: "/signin", linkText: "サインインへ"), status: .forbidden)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneCore
@testable import KasaneServer
import KasaneSQLite
import Testing

@Suite("The published API contract")
struct OpenAPITests {
    /// "GET /api/v1/cases/{id}" for every operation of the document.
    func documented() throws -> Set<String> {
        let doc = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any] ?? [:]
        let paths = doc["paths"] as? [String: [String: Any]] ?? [:]
        return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    /// The same for every route of the router, `:id` written `{id}`; the web pages (HTML
    /// for people, not the API) are left out.
    func routed() throws -> Set<String> {
        let router = buildRouter(database: try AppDatabase.inMemory())
        let api = router.routes.filter { route in
            let path = "\(route.path)"
            return path.hasPrefix("/api") || path.hasPrefix("api") || path.contains("health") || path.contains("feeds")
        }
        return Set(api.map { route in
            let path = "\(route.path)".split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue) /\(path)"
        })
    }

    @Test("Every route of the router is in the OpenAPI document, and every operation there is routed")
    func everyRouteDocumented() throws {
        let documented = try documented()
        let routed = try routed()
        #expect(routed.count > 50)
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from the document")
        #expect(documented.subtracting(routed).sorted() == [], "documented operations with no route")
    }

    @Test("The document is OpenAPI 3.1, served without a token, and every operation answers errors as the Error schema")
    func served() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let response = try await client.send(.get, "/api/v1/openapi.json", token: nil)
            #expect(response.status == .ok)
            let doc = try response.json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = doc["paths"] as? [String: [String: [String: Any]]] ?? [:]
            for (path, operations) in paths where path.hasPrefix("/api/v1/") && path != "/api/v1/openapi.json" {
                for (method, operation) in operations {
                    let responses = operation["responses"] as? [String: Any] ?? [:]
                    #expect(responses["401"] != nil, "\(method) \(path) documents 401")
                    #expect(responses["404"] != nil, "\(method) \(path) documents 404")
                }
            }
            // The API itself still wants a token.
            #expect(try await client.send(.get, "/api/v1/cases", token: nil).status == .unauthorized)
        }
    }
}

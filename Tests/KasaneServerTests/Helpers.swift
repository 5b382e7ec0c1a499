import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneDocuments
import KasaneServer
import KasaneSQLite
import Logging
import NIOCore
import Testing

/// A fresh in-memory demo city with a token for each demo role.
struct DemoApp {
    let database: AppDatabase
    let seed: DemoSeed
    let coordinator: String
    let secretariat: String
    let member: String
    let outsider: String
    let administrator: String

    static func make() async throws -> DemoApp {
        let db = try AppDatabase.inMemory()
        let seed = try await db.seedDemo()
        func token(_ email: String) async throws -> String {
            let staff = try await db.staff(email: email)
            return try await db.issueToken(staffId: staff.id!, label: "test", by: .localOperator).token
        }
        return DemoApp(
            database: db, seed: seed, coordinator: try await token(DemoSeed.coordinatorEmail),
            secretariat: try await token(DemoSeed.secretariatEmail), member: try await token(DemoSeed.involvedMemberEmail),
            outsider: try await token(DemoSeed.outsideMemberEmail), administrator: try await token(DemoSeed.administratorEmail))
    }

    func test(
        postman: Postman? = nil, templates: TemplateShelf = TemplateShelf(folder: nil, templates: .builtIn),
        logger: Logger = Logger(label: "kasane-test"), _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = Application(router: buildRouter(database: database, postman: postman, templates: templates), logger: logger)
        try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// Sends a request as the holder of `token`, with an optional body.
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String?, body: String? = nil,
        contentType: String = "application/json"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = contentType }
        return try await execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

extension TestClientProtocol {
    /// Sends raw bytes (an upload) as the holder of `token`.
    func send(_ method: HTTPRequest.Method, _ path: String, token: String?, data: Data, contentType: String) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: path, method: method, headers: headers, body: ByteBuffer(bytes: data))
    }
}

extension TestResponse {
    var data: Data { Data(body.readableBytesView) }

    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func jsonArray() throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    /// The `error` object of an error response.
    func error() throws -> [String: Any] { try json()["error"] as? [String: Any] ?? [:] }
}
